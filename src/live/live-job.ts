import { loadConfig } from "../config/load-config.js";
import { readRecordingsInto } from "../engine/check-recordings.js";
import { createEngine } from "../engine/engine.js";
import { ReportBuilder } from "../engine/report-builder.js";
import { InputError } from "../model/exchange.js";
import type { Shard } from "../model/shard.js";
import { credentialsFromEnv, missingCredentials } from "../providers/credentials.js";
import type { Dialect } from "../providers/dialect.js";
import type { DefectName } from "../sandbox/defects.js";
import { startSandbox } from "../sandbox/start-sandbox.js";
import type { ConformanceReport } from "../types/generated/report.js";
import type { ActionsRequest } from "./described-calls.js";
import { HarWriter } from "./har-writer.js";
import type { Timeouts } from "./http-exchange.js";
import { displayUrl } from "./redact.js";
import { runLive } from "./run-live.js";
import { selectCalls } from "./select-calls.js";

export interface LiveJobOptions {
  /** A real or private target; undefined starts the built-in sandbox on a free loopback port. */
  target?: string | undefined;
  dialects?: Dialect[] | undefined;
  products?: string[] | undefined;
  /** `--actions` (and `--mutating`): also call the described actions it selects (described-calls.ts). */
  actions?: ActionsRequest | undefined;
  /** Defects for the built-in sandbox (docs/sandbox.md). */
  defects?: DefectName[] | undefined;
  /** Also check the configured recorded target into the same report (`conformance run` with no target). */
  includeRecordings: boolean;
  concurrency: number;
  timeouts: Timeouts;
  throttleRetries: number;
  /** Write what the run saw, redacted, to this HAR file (a write error throws FileWriteError). */
  recordTo?: string | undefined;
  config?: string | undefined;
  maxBodyBytes?: number | undefined;
  /** --max-results: the report's detail limit (default: the configuration's maxResults). */
  maxResults?: number | undefined;
  shard?: Shard | undefined;
  runId?: string | undefined;
  onProgress?: ((p: { file: string; exchanges: number }) => void) | undefined;
  env?: NodeJS.ProcessEnv;
  /** Stops the run (the CLI's Ctrl-C or SIGTERM): what was seen is reported, marked incomplete. */
  signal?: AbortSignal | undefined;
}

function parseTarget(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new InputError(
      "--target",
      `not a URL: ${JSON.stringify(displayUrl(target))} (expected e.g. https://cvm.tencentcloudapi.com)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError("--target", `not an http(s) URL: ${displayUrl(url)}`);
  }
  return url;
}

/**
 * A live run, start to finish: the target (or a sandbox started for it), the calls and probes, then the
 * recorded target when asked, one report. `signal` stops it; what was seen is reported, marked incomplete.
 */
export async function runLiveJob(
  options: LiveJobOptions,
): Promise<{ report: ConformanceReport; recorded?: { file: string; exchanges: number } }> {
  const env = options.env ?? process.env;
  const config = await loadConfig(options.config);
  const maxBodyBytes = options.maxBodyBytes ?? config.maxBodyBytes;
  const calls = selectCalls({
    dialects: options.dialects,
    products: options.products,
    actions: options.actions,
  });
  const dialects = [...new Set(calls.map((c) => c.dialect))];
  let target: URL | undefined;
  if (options.target !== undefined) {
    target = parseTarget(options.target);
    const missing = missingCredentials(env, dialects);
    if (missing.length > 0) {
      throw new InputError("--target", `credentials missing for a real target: set ${missing.join("; ")}`);
    }
  }
  const engine = await createEngine(config);
  // A recording that cannot be written (a full disk) stops the run: calling on would be for nothing.
  const writeFailed = new AbortController();
  const har = options.recordTo
    ? new HarWriter(options.recordTo, { onError: () => writeFailed.abort() })
    : undefined;
  // Opened first: a --out that cannot be written is said before any call is made.
  await har?.open();
  const credentials = credentialsFromEnv(env);
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  try {
    sandbox = target
      ? undefined
      : await startSandbox({ port: 0, credentials, defects: options.defects ?? [] });
  } catch (error) {
    await har?.discard();
    throw error;
  }
  const url = target ?? new URL(sandbox?.url ?? "");
  const builder = new ReportBuilder(
    engine,
    [
      { kind: "live", location: displayUrl(url) },
      ...(options.includeRecordings
        ? config.recordings.map((location) => ({ kind: "recorded" as const, location }))
        : []),
    ],
    {
      runId: options.runId,
      shard: options.shard,
      maxResults: options.maxResults ?? config.maxResults,
    },
  );
  const interrupted = options.signal ?? new AbortController().signal;
  const signal = AbortSignal.any([interrupted, writeFailed.signal]);
  try {
    await runLive({
      target: url,
      calls,
      credentials,
      engine,
      builder,
      concurrency: options.concurrency,
      timeouts: options.timeouts,
      maxBodyBytes,
      throttleRetries: options.throttleRetries,
      signal,
      shard: options.shard,
      throttle: sandbox?.throttle,
      onProgress: options.onProgress,
      // runLive hands over exchanges already redacted (redact.ts).
      onExchange: har
        ? (exchange, { startedAt, durationMs }) => har.write(exchange, startedAt, durationMs)
        : undefined,
    });
    if (options.includeRecordings && !signal.aborted) {
      // The same selection as the calls: `run --dialect tencent` does not judge the other recordings.
      const select =
        options.dialects || options.products
          ? { dialects: options.dialects, products: options.products }
          : undefined;
      await readRecordingsInto(
        builder,
        config.recordings,
        { maxBodyBytes },
        { signal, onProgress: options.onProgress, shard: options.shard, select },
      );
    }
  } catch (error) {
    await har?.discard();
    throw error;
  } finally {
    await sandbox?.close();
  }
  // An interrupted recording is closed as valid HAR with the exchanges so far; a failed one throws
  // FileWriteError and leaves nothing behind.
  const recorded = await har?.close();
  if (interrupted.aborted) builder.markInterrupted();
  const report = builder.build();
  return har && recorded !== undefined
    ? { report, recorded: { file: har.file, exchanges: recorded } }
    : { report };
}
