import { ReportBuilder } from "../../src/engine/report-builder.js";
import { DEFAULT_TIMEOUTS } from "../../src/live/http-exchange.js";
import { type LiveRunOptions, runLive } from "../../src/live/run-live.js";
import { selectCalls } from "../../src/live/select-calls.js";
import type { RawExchange } from "../../src/model/exchange.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import type { DefectName } from "../../src/sandbox/defects.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { sharedEngine } from "./shared-engine.js";

/**
 * A live run against `sandbox`, as `conformance run` makes it (every call and probe unless `overrides`
 * says otherwise; throttled through the sandbox's own state), with the report and every exchange seen.
 */
export async function liveRunAgainst(
  sandbox: RunningSandbox,
  overrides: Partial<Pick<LiveRunOptions, "calls" | "throttle" | "throttleRetries">> = {},
): Promise<{ report: ConformanceReport; exchanges: RawExchange[] }> {
  const engine = await sharedEngine();
  const builder = new ReportBuilder(engine, [{ kind: "live", location: sandbox.url }]);
  const exchanges: RawExchange[] = [];
  await runLive({
    target: new URL(sandbox.url),
    calls: selectCalls(),
    credentials: SANDBOX_CREDENTIALS,
    engine,
    builder,
    concurrency: 4,
    timeouts: DEFAULT_TIMEOUTS,
    maxBodyBytes: 1 << 20,
    throttleRetries: 4,
    throttle: sandbox.throttle,
    onExchange: (exchange) => exchanges.push(exchange),
    ...overrides,
  });
  return { report: builder.build(), exchanges };
}

/** The report of a default live run against a fresh sandbox with these defects. */
export async function sandboxRunReport(defects: DefectName[] = []): Promise<ConformanceReport> {
  const sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS, defects });
  try {
    return (await liveRunAgainst(sandbox)).report;
  } finally {
    await sandbox.close();
  }
}
