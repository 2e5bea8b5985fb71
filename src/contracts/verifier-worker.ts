/**
 * The verifier process (started by src/contracts/verifier-process.ts): receives one VerifierJob over IPC,
 * verifies its tasks one after the other (starting a built-in sandbox for each when the job has no
 * target), answers one VerifierReply and exits. Whatever pact's native verifier prints goes to this process's standard output, which the parent
 * captures into its log file.
 */
process.env.PACT_DO_NOT_TRACK = "true";

import { credentialsFromEnv } from "../providers/credentials.js";
import { startSandbox } from "../sandbox/start-sandbox.js";
import type { VerifierJob, VerifierReply, VerifierTask } from "./verifier-process.js";
import { type PactVerification, verifyContracts } from "./verify-contracts.js";

async function verify(
  task: VerifierTask,
  target: string | null,
): Promise<{ target: string; results: PactVerification[] }> {
  const credentials = credentialsFromEnv();
  if (target !== null) {
    const results = await verifyContracts(task.pacts, new URL(target), credentials);
    return { target, results };
  }
  // Throttled only through the "requests are throttled" state: no rate limit to race.
  const sandbox = await startSandbox({ port: 0, credentials, rateLimit: null, defects: task.defects });
  try {
    const results = await verifyContracts(task.pacts, new URL(sandbox.url), credentials, {
      throttle: sandbox.throttle,
    });
    return { target: sandbox.url, results };
  } finally {
    await sandbox.close();
  }
}

async function run(job: VerifierJob): Promise<VerifierReply> {
  const runs: { target: string; results: PactVerification[] }[] = [];
  for (const task of job.tasks) runs.push(await verify(task, job.target));
  return { ok: true, runs };
}

// The parent gone (or done with us): nothing left to do.
process.once("disconnect", () => process.exit(0));
process.once("message", (message) => {
  void run(message as VerifierJob)
    .catch(
      (error: unknown): VerifierReply => ({ ok: false, error: (error as Error)?.message ?? String(error) }),
    )
    .then((reply) => process.send?.(reply, () => process.disconnect()));
});
