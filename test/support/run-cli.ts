import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/** The CLI as installed: the build of src/ (`npm run build`; `npm test` builds before mocha runs). */
export const builtBin = path.join(projectRoot, "dist", "src", "cli", "bin.js");
/** The CLI's TypeScript source, run through tsx: about three times slower to start than the build. */
export const sourceBin = path.join(projectRoot, "src", "cli", "bin.ts");

export interface CliResult {
  code: number | null;
  /** The signal that ended the process, when one did (then `code` is null). */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Every src/ file whose build in dist/src/ is missing or older than it (relative paths). */
export async function staleBuildFiles(root = projectRoot): Promise<string[]> {
  const stale: string[] = [];
  const entries = await readdir(path.join(root, "src"), { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, source);
    const built = path.join(root, "dist", relative.replace(/\.ts$/, ".js"));
    const [sourceStat, builtStat] = await Promise.all([stat(source), stat(built).catch(() => undefined)]);
    if (!builtStat || builtStat.mtimeMs < sourceStat.mtimeMs) stale.push(relative);
  }
  return stale.sort();
}

let staleFiles: Promise<string[]> | undefined;

/** Refuses to test an old build: dist/ is compared with src/ once per process, before the first run. */
async function ensureCurrentBuild(): Promise<void> {
  staleFiles ??= staleBuildFiles();
  const stale = await staleFiles;
  if (stale.length === 0) return;
  const shown = stale.slice(0, 5).join(", ");
  throw new Error(
    `dist/ is older than src/ (${shown}${stale.length > 5 ? `, and ${stale.length - 5} more` : ""}): ` +
      "run `npm run build` before mocha (`npm test` does)",
  );
}

/** Runs `conformance ARGS…` as a user would, in its own process, from the build (dist/src/cli/bin.js). */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  await ensureCurrentBuild();
  return runNode([builtBin, ...args], options);
}

/** Runs `conformance ARGS…` from the TypeScript source through tsx, as in development. */
export function runCliFromSource(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(["--import", "tsx", sourceBin, ...args], options);
}

export function runNode(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
