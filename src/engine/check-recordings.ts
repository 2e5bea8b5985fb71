import type { ResolvedConfig } from "../config/load-config.js";
import { InputError } from "../model/exchange.js";
import { discoverInputs } from "../sources/discover-inputs.js";
import { readInputs } from "../sources/read-inputs.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { checkExchange } from "./check-exchange.js";
import type { Engine } from "./engine.js";
import { ReportBuilder } from "./report-builder.js";
import type { Selection } from "./selection.js";
import { inShard, type Shard } from "./shard.js";

export interface Progress {
  file: string;
  exchanges: number;
  /** Units done out of a known total (live calls), for a progress bar. */
  done?: number;
  total?: number;
}

export interface CheckOptions {
  /** Called every `progressEvery` exchanges and at the end of each file. */
  onProgress?: (progress: Progress) => void;
  progressEvery?: number;
  signal?: AbortSignal;
  /** Judge only this slice of the exchanges (by their position in the run). */
  shard?: Shard | undefined;
  runId?: string | undefined;
  /** Judge only these dialects and products; the others are skipped, with the selection as the reason. */
  select?: Selection | undefined;
}

function recordInputError(builder: ReportBuilder, error: unknown): void {
  if (error instanceof InputError) builder.inputError(error.file, error.detail, error.index);
  else throw error;
}

/**
 * Checks every exchange in the given HAR/NDJSON files or folders. Input problems never stop the run: a
 * missing path, a damaged file or entry is recorded in `inputErrors` (and an entry also in `skipped`),
 * and reading goes on with what remains.
 */
export async function checkRecordings(
  paths: readonly string[],
  engine: Engine,
  config: Pick<ResolvedConfig, "maxBodyBytes">,
  options: CheckOptions = {},
): Promise<ConformanceReport> {
  const builder = new ReportBuilder(
    engine,
    paths.map((location) => ({ kind: "recorded", location })),
    { runId: options.runId, shard: options.shard },
  );
  await readRecordingsInto(builder, paths, engine, config, options);
  return builder.build();
}

/** The body of checkRecordings, adding to a report that may hold other targets too (`conformance run`). */
export async function readRecordingsInto(
  builder: ReportBuilder,
  paths: readonly string[],
  engine: Engine,
  config: Pick<ResolvedConfig, "maxBodyBytes">,
  options: CheckOptions = {},
): Promise<void> {
  // Each file once, however often and however it is named (discover-inputs.ts).
  const files = await discoverInputs(paths, { onInputError: (error) => recordInputError(builder, error) });
  const every = options.progressEvery ?? 1000;
  let exchanges = 0;
  let ordinal = 0;
  for (const input of files) {
    try {
      for await (const item of readInputs([input], {
        maxBodyBytes: config.maxBodyBytes,
        signal: options.signal,
      })) {
        if (options.signal?.aborted) break;
        if (!inShard(ordinal++, options.shard)) continue;
        exchanges++;
        if (item.kind === "exchange") builder.add(checkExchange(item.exchange, engine, options.select));
        else {
          builder.skip(item.source, item.reason);
          builder.inputError(item.source.file, item.reason, item.source.index);
        }
        if (exchanges % every === 0) options.onProgress?.({ file: input.file, exchanges });
      }
    } catch (error) {
      recordInputError(builder, error);
    }
    options.onProgress?.({ file: input.file, exchanges });
    if (options.signal?.aborted) break;
  }
  if (options.signal?.aborted) builder.markInterrupted();
}
