import { fork } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PactFileSummary } from "./contract-file.js";
import { stripAnsi } from "./verifier-log.js";
import type { PactVerification } from "./verify-contracts.js";

/** What the parent asks of the verifier process: the pacts, and the target (null: a built-in sandbox). */
export interface VerifierJob {
  pacts: PactFileSummary[];
  target: string | null;
}

/** What the verifier process answers, over its IPC channel. */
export type VerifierReply =
  | { ok: true; target: string; results: PactVerification[] }
  | { ok: false; error: string };

export interface VerifierRun {
  /** The verified base URL (the built-in sandbox's when no target was given). */
  target: URL;
  results: PactVerification[];
  /** The verifier's own output, colour codes removed (also written to the log file). */
  log: string;
}

/** verifier-worker.ts from the sources (through tsx), verifier-worker.js from the build. */
const WORKER = fileURLToPath(
  new URL(`./verifier-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/**
 * Verifies `pacts` in a child process (src/contracts/verifier-worker.ts): pact's native verifier writes
 * its report, with colour codes, straight to its process's file descriptor 1, and pact-js offers no way to
 * capture it or turn the colours off. The child's output is captured whole into `logFile`, without colour
 * codes; the results come back over IPC. Without `target`, the child starts its own built-in sandbox.
 */
export async function runVerifier(
  pacts: readonly PactFileSummary[],
  target: URL | undefined,
  logFile: string,
): Promise<VerifierRun> {
  const child = fork(WORKER, [], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, PACT_DO_NOT_TRACK: "true" },
    execArgv: process.execArgv.filter((arg) => !arg.startsWith("--inspect")),
  });
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  let reply: VerifierReply | undefined;
  child.once("message", (message) => {
    reply = message as VerifierReply;
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  const job: VerifierJob = { pacts: [...pacts], target: target ? target.toString() : null };
  child.send(job);
  const { code, signal } = await ended;
  const log = stripAnsi(Buffer.concat(chunks).toString("utf8"));
  await mkdir(path.dirname(logFile), { recursive: true });
  await writeFile(logFile, log);
  const answer = reply as VerifierReply | undefined;
  if (answer?.ok) return { target: new URL(answer.target), results: answer.results, log };
  const why = answer
    ? answer.error
    : `it ended without a result (${signal ? `signal ${signal}` : `exit code ${code}`})`;
  throw new Error(`the Pact verifier failed: ${why}; its output is in ${logFile}`);
}
