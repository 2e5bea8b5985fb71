// Zenlayer's official Go SDK program (test/clients/zenlayer-go) for the tests that run it: its build and
// its output lines, and a bounded runner for commands.
import { spawn } from "node:child_process";
import path from "node:path";
import { GO_PROGRAM_DIR } from "../../scripts/gen-go-calls.js";
import { ensureGo, goEnvironment } from "./go-toolchain.js";

export const BUILD_TIMEOUT_MS = 5 * 60 * 1000;
export const RUN_TIMEOUT_MS = 2 * 60 * 1000;

/** One JSON line of the program (test/clients/zenlayer-go/main.go, type line). */
export interface CallLine {
  kind: "call" | "wrong-secret";
  method: string;
  action: string;
  ok: boolean;
  requestId?: string;
  responseRequestId?: string;
  hasResponse: boolean;
  error?: string;
  errorType?: string;
  code?: string;
  message?: string;
  errorRequestId?: string;
  elapsedMs: number;
}

export interface Finished {
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its exit within `timeoutMs` (killed past it); rejects unless it exits 0. */
export function runToExit(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const shown = `${path.basename(command)} ${args.join(" ")}`;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${shown} did not exit within ${options.timeoutMs / 1000} s; stderr:\n${stderr}`));
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${shown}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr, ms: Date.now() - started });
      else
        reject(new Error(`${shown} exited with ${code ?? signal}; stderr:\n${stderr}\nstdout:\n${stdout}`));
    });
  });
}

/** The program's JSON lines (test/clients/zenlayer-go/main.go, type line). */
export function callLines(stdout: string): CallLine[] {
  return stdout
    .split("\n")
    .filter((text) => text.trim() !== "")
    .map((text) => JSON.parse(text) as CallLine);
}

/** Builds the program into `dir` (Go installed first when missing); the binary's path and the build's time. */
export async function buildZenlayerGoProgram(
  dir: string,
): Promise<{ binary: string; go: string; ms: number }> {
  const go = await ensureGo();
  const binary = path.join(dir, "zenlayer-go");
  const built = await runToExit(go, ["build", "-o", binary, "."], {
    cwd: GO_PROGRAM_DIR,
    env: goEnvironment(),
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  return { binary, go, ms: built.ms };
}
