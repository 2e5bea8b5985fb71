import { fork } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DefectName } from "../sandbox/defects.js";
import type { PactFileSummary } from "./contract-file.js";
import { stripAnsi } from "./verifier-log.js";
import type { PactVerification } from "./verify-contracts.js";

/** One verification: the pacts, against the job's target or a built-in sandbox with these defects. */
export interface VerifierTask {
  pacts: PactFileSummary[];
  /** The built-in sandbox's deliberate defects (docs/sandbox.md); only without a target. */
  defects: DefectName[];
}

/**
 * What the parent asks of the verifier process: the target (null: a built-in sandbox, started afresh for
 * each task) and the tasks, verified one after the other.
 */
export interface VerifierJob {
  target: string | null;
  tasks: VerifierTask[];
}

/** What the verifier process answers, over its IPC channel: each task's target and results, in order. */
export type VerifierReply =
  | { ok: true; runs: { target: string; results: PactVerification[] }[] }
  | { ok: false; error: string };

export interface VerifierOptions {
  /**
   * Break the built-in sandbox on purpose (`conformance sandbox --defect NAME`): how the tests prove that
   * the contracts refuse each defect Pact can express. Not with a target.
   */
  defects?: readonly DefectName[];
}

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
 * codes; the results come back over IPC. Without `target`, the child starts its own built-in sandbox
 * (with `options.defects`, if any).
 */
export async function runVerifier(
  pacts: readonly PactFileSummary[],
  target: URL | undefined,
  logFile: string,
  options: VerifierOptions = {},
): Promise<VerifierRun> {
  const defects = [...(options.defects ?? [])];
  if (target && defects.length > 0)
    throw new Error("sandbox defects apply to the built-in sandbox only, not to a target");
  const { runs, log } = await runWorker(
    { target: target ? target.toString() : null, tasks: [{ pacts: [...pacts], defects }] },
    logFile,
  );
  const [run] = runs;
  if (!run) throw new Error(`the Pact verifier answered no result; its output is in ${logFile}`);
  return { ...run, log };
}

/**
 * Several verifications against built-in sandboxes in one child process, one after the other, each with
 * a fresh sandbox and its own defects: what a test that verifies under every defect needs, without paying
 * a process start for each. Their outputs share `logFile`.
 */
export async function runVerifiers(
  tasks: readonly { pacts: readonly PactFileSummary[]; defects: readonly DefectName[] }[],
  logFile: string,
): Promise<{ target: URL; results: PactVerification[] }[]> {
  const job: VerifierJob = {
    target: null,
    tasks: tasks.map((task) => ({ pacts: [...task.pacts], defects: [...task.defects] })),
  };
  return (await runWorker(job, logFile)).runs;
}

async function runWorker(
  job: VerifierJob,
  logFile: string,
): Promise<{ runs: { target: URL; results: PactVerification[] }[]; log: string }> {
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
  child.send(job);
  const { code, signal } = await ended;
  const log = stripAnsi(Buffer.concat(chunks).toString("utf8"));
  await mkdir(path.dirname(logFile), { recursive: true });
  await writeFile(logFile, log);
  const answer = reply as VerifierReply | undefined;
  if (answer?.ok)
    return {
      runs: answer.runs.map((run) => ({ target: new URL(run.target), results: run.results })),
      log,
    };
  const why = answer
    ? answer.error
    : `it ended without a result (${signal ? `signal ${signal}` : `exit code ${code}`})`;
  throw new Error(`the Pact verifier failed: ${why}; its output is in ${logFile}`);
}
