/**
 * The verifier process (started by src/contracts/verifier-process.ts): receives one VerifierJob over IPC,
 * verifies it (starting a built-in sandbox when the job has no target), answers one VerifierReply and
 * exits. Whatever pact's native verifier prints goes to this process's standard output, which the parent
 * captures into its log file.
 */
process.env.PACT_DO_NOT_TRACK = "true";

import { credentialsFromEnv } from "../live/credentials.js";
import { startSandbox } from "../sandbox/start-sandbox.js";
import type { VerifierJob, VerifierReply } from "./verifier-process.js";
import { verifyContracts } from "./verify-contracts.js";

async function run(job: VerifierJob): Promise<VerifierReply> {
  const credentials = credentialsFromEnv();
  if (job.target !== null) {
    const results = await verifyContracts(job.pacts, new URL(job.target), credentials);
    return { ok: true, target: job.target, results };
  }
  // Throttled only through the "requests are throttled" state: no rate limit to race.
  const sandbox = await startSandbox({ port: 0, credentials, rateLimit: null });
  try {
    const results = await verifyContracts(job.pacts, new URL(sandbox.url), credentials, {
      throttle: sandbox.throttle,
    });
    return { ok: true, target: sandbox.url, results };
  } finally {
    await sandbox.close();
  }
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
