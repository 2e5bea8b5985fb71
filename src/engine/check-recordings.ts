import type { ResolvedConfig } from "../config/load-config.js";
import { InputError } from "../model/exchange.js";
import type { Shard } from "../model/shard.js";
import { discoverInputs } from "../sources/discover-inputs.js";
import { EntryOrdinals } from "../sources/entry-ordinals.js";
import { readInputs } from "../sources/read-inputs.js";
import type { ConformanceReport } from "../types/generated/report.js";
import type { Engine } from "./engine.js";
import { ReportBuilder } from "./report-builder.js";
import type { Selection } from "./selection.js";

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
  await readRecordingsInto(builder, paths, config, options);
  return builder.build();
}

/** The body of checkRecordings, adding to a report that may hold other targets too (`conformance run`). */
export async function readRecordingsInto(
  builder: ReportBuilder,
  paths: readonly string[],
  config: Pick<ResolvedConfig, "maxBodyBytes">,
  options: CheckOptions = {},
): Promise<void> {
  // Each file once, however often and however it is named (discover-inputs.ts).
  const files = await discoverInputs(paths, { onInputError: (error) => recordInputError(builder, error) });
  const every = options.progressEvery ?? 1000;
  let exchanges = 0;
  // With --shard, the readers decide which entries this shard owns before parsing them: each entry takes
  // the next ordinal of the run, counted over every entry of every file in reading order (entry-ordinals.ts),
  // and those of other shards are passed over unparsed. The unsharded run reads them all.
  const ordinals = options.shard && new EntryOrdinals(options.shard);
  for (const input of files) {
    try {
      for await (const item of readInputs([input], {
        maxBodyBytes: config.maxBodyBytes,
        signal: options.signal,
        ordinals,
      })) {
        if (options.signal?.aborted) break;
        exchanges++;
        if (item.kind === "exchange") builder.judge(item.exchange, options.select);
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
