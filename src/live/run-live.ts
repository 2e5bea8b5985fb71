import type { Progress } from "../engine/check-recordings.js";
import type { Engine } from "../engine/engine.js";
import type { ReportBuilder } from "../engine/report-builder.js";
import type { RawExchange } from "../model/exchange.js";
import { type LiveSourceOptions, liveExchanges } from "./live-exchanges.js";
import { displayUrl } from "./redact.js";

export interface LiveRunOptions extends Omit<LiveSourceOptions, "maxDepth"> {
  engine: Engine;
  builder: ReportBuilder;
  /** Every exchange as the run saw it, redacted, as it goes to be judged (for `conformance record`). */
  onExchange?: (exchange: RawExchange, timing: { startedAt: Date; durationMs: number }) => void;
  onProgress?: (progress: Progress) => void;
}

export interface LiveRunSummary {
  exchanges: number;
  transportFailures: number;
}

/**
 * A live run into a report: the live source's exchanges (live-exchanges.ts: calls, probes, retries, all
 * redacted) are judged by the engine like recorded ones, and calls that got no answer are listed as
 * transport failures.
 */
export async function runLive(options: LiveRunOptions): Promise<LiveRunSummary> {
  const { engine, builder } = options;
  const location = displayUrl(options.target);
  let exchanges = 0;
  let transportFailures = 0;
  for await (const item of liveExchanges({ ...options, maxDepth: engine.maxDepth })) {
    if (item.kind === "transport-failure") {
      transportFailures++;
      builder.transportFailure(item.failure);
    } else {
      exchanges++;
      builder.judge(item.exchange);
      options.onExchange?.(item.exchange, { startedAt: item.startedAt, durationMs: item.durationMs });
    }
    options.onProgress?.({
      file: location,
      exchanges: exchanges + transportFailures,
      done: item.calls.done,
      total: item.calls.total,
    });
  }
  return { exchanges, transportFailures };
}
