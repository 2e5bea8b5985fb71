import { loadConfig } from "../src/config/load-config.js";
import type { CallSpec } from "../src/live/call-spec.js";
import type { ActionsRequest } from "../src/live/described-calls.js";
import { DEFAULT_TIMEOUTS } from "../src/live/http-exchange.js";
import { runLiveJob } from "../src/live/live-job.js";
import { selectCalls } from "../src/live/select-calls.js";
import type { DefectName } from "../src/sandbox/defects.js";
import type { ConformanceReport } from "../src/types/generated/report.js";

/**
 * The live target the suites call: CONFORMANCE_TARGET (a provider endpoint or private sandbox, with the
 * SDK credential variables, as `conformance run --target`) when set, else the built-in sandbox started on a
 * free loopback port. CONFORMANCE_ACTIONS adds the described actions, as `--actions` (CONFORMANCE_MUTATING=1
 * as `--mutating`); CONFORMANCE_SANDBOX_DEFECTS (comma-separated) breaks the built-in sandbox on purpose,
 * as `--defect`. The calls and probes are those of `conformance run`, judged into one report.
 */
export async function judgeLiveTarget(): Promise<{
  target: string;
  calls: CallSpec[];
  report: ConformanceReport;
}> {
  const target = process.env.CONFORMANCE_TARGET || undefined;
  const actions: ActionsRequest | undefined = process.env.CONFORMANCE_ACTIONS
    ? { spec: process.env.CONFORMANCE_ACTIONS, mutating: process.env.CONFORMANCE_MUTATING === "1" }
    : undefined;
  const defects = (process.env.CONFORMANCE_SANDBOX_DEFECTS ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean) as DefectName[];
  const config = await loadConfig(process.env.CONFORMANCE_CONFIG);
  const { report } = await runLiveJob({
    target,
    actions,
    defects,
    includeRecordings: false,
    concurrency: 4,
    timeouts: DEFAULT_TIMEOUTS,
    throttleRetries: 4,
    config: process.env.CONFORMANCE_CONFIG,
    maxBodyBytes: config.maxBodyBytes,
  });
  return { target: target ?? "the built-in sandbox", calls: selectCalls({ actions }), report };
}
