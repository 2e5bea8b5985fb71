// Zenlayer's official Go SDK program (test/clients/zenlayer-go) for the tests that run it: its build and
// its output lines, and a bounded runner for commands.
import path from "node:path";
import { GO_PROGRAM_DIR } from "../../scripts/gen-go-calls.js";
import { ensureGo, goEnvironment } from "./go-toolchain.js";
import { runCommand } from "./run-command.js";

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
export async function runToExit(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Finished> {
  const ran = await runCommand(command, args, options);
  if (ran.code === 0) return ran;
  const shown = `${path.basename(command)} ${args.join(" ")}`;
  throw new Error(
    `${shown} exited with ${ran.code ?? ran.signal}; stderr:\n${ran.stderr}\nstdout:\n${ran.stdout}`,
  );
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
