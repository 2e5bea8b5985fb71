import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { ResolvedConfig } from "../config/load-config.js";
import { InputError } from "../model/exchange.js";
import type { Shard } from "../model/shard.js";
import { discoverInputs } from "../sources/discover-inputs.js";
import type { EntryItem } from "../sources/entry-item.js";
import { EntryOrdinals } from "../sources/entry-ordinals.js";
import type { InputFile } from "../sources/input-file.js";
import { readInputEntries, readInputs } from "../sources/read-inputs.js";
import type { ReaderOptions } from "../sources/reader-options.js";
import type { ConformanceReport } from "../types/generated/report.js";
import type { Engine } from "./engine.js";
import { type JudgeAlone, judgeEntries } from "./judge-entries.js";
import { JudgePool, type JudgeWorkerData, type WorkerResult } from "./judge-pool.js";
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
  /**
   * Worker threads that parse and judge while this thread reads (judge-pool.ts): 0 or absent judges here.
   * The report is the same either way, apart from timings: results are taken in input order.
   */
  workers?:
    | {
        count: number | "auto";
        config: JudgeWorkerData["config"];
        /** Entries per batch (default BATCH_ENTRIES); the tests make it tiny to spread groups over batches. */
        batchEntries?: number;
        /**
         * Batches a worker may hold before this thread judges the next itself (default
         * BATCHES_IN_FLIGHT_PER_WORKER); the tests make it 1 so that both kinds of batch alternate.
         */
        batchesPerWorker?: number;
      }
    | undefined;
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
  config: Pick<ResolvedConfig, "maxBodyBytes"> & Partial<Pick<ResolvedConfig, "maxResults">>,
  options: CheckOptions = {},
): Promise<ConformanceReport> {
  const builder = new ReportBuilder(
    engine,
    paths.map((location) => ({ kind: "recorded", location })),
    { runId: options.runId, shard: options.shard, maxResults: config.maxResults },
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
  const workerCount = options.workers ? await workersFor(options.workers.count, files) : 0;
  const pool =
    options.workers && workerCount > 0
      ? new JudgePool(workerCount, {
          config: options.workers.config,
          maxBodyBytes: config.maxBodyBytes,
          select: options.select,
        })
      : undefined;
  try {
    for (const input of files) {
      const readerOptions = { maxBodyBytes: config.maxBodyBytes, signal: options.signal, ordinals };
      const counted = () => {
        exchanges++;
        if (exchanges % every === 0) options.onProgress?.({ file: input.file, exchanges });
      };
      try {
        if (pool) await judgeInWorkers(pool, input, readerOptions, builder, options, counted);
        else {
          for await (const item of readInputs([input], readerOptions)) {
            if (options.signal?.aborted) break;
            if (item.kind === "exchange") builder.judge(item.exchange, options.select);
            else recordUnreadable(builder, item);
            counted();
          }
        }
      } catch (error) {
        recordInputError(builder, error);
      }
      options.onProgress?.({ file: input.file, exchanges });
      if (options.signal?.aborted) break;
    }
  } finally {
    await pool?.close();
  }
  if (options.signal?.aborted) builder.markInterrupted();
}

/** Below this much input, starting workers (each loads its own engine) costs more than it saves. */
export const AUTO_WORKERS_MIN_BYTES = 8 * 1024 * 1024;

/**
 * How many workers judge: `count` as given; for "auto", one per core beyond the reading thread's own, when
 * there are three cores or more and the regular files add up to AUTO_WORKERS_MIN_BYTES (a FIFO's size is
 * unknown: it counts for nothing), else none. Measured on the 2-core CI machine (100,000 exchanges, 136 MB,
 * medians of 4 alternating runs): 6.8 s in one thread at 150 MiB, 5.8 s with one worker at 255 MiB, 6.4 s
 * with two at 330 MiB; one worker took 284 MiB at 1,000,000 exchanges. So none on two cores, where a
 * million exchanges must stay under 256 MiB; `--workers 1` is for those who can spare the memory.
 */
async function workersFor(count: number | "auto", files: readonly InputFile[]): Promise<number> {
  if (count !== "auto") return count;
  const cores = availableParallelism();
  if (cores < 3) return 0;
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f.file).then(
        (s) => (s.isFile() ? s.size : 0),
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0) >= AUTO_WORKERS_MIN_BYTES ? cores - 1 : 0;
}

function recordUnreadable(builder: ReportBuilder, item: Extract<WorkerResult, { kind: "unreadable" }>): void {
  builder.skip(item.source, item.reason);
  builder.inputError(item.source.file, item.reason, item.source.index);
}

/** A batch sent; a rejection is seen where it is awaited, in order, never as an unhandled one before. */
function submitted(pool: JudgePool, batch: EntryItem[]): Promise<WorkerResult[]> {
  const results = pool.submit(batch);
  results.catch(() => {});
  return results;
}

/** Entries per batch sent to a worker: large enough that messaging costs little, small enough to keep order cheap. */
const BATCH_ENTRIES = 256;
/** Batches in flight per worker: enough to keep every worker busy while this thread reads, and memory flat. */
const BATCHES_IN_FLIGHT_PER_WORKER = 4;

/**
 * One file read here and judged in the pool's workers: entries go out in batches, and their results are
 * taken back strictly in the order they were sent, so that the report builder sees exactly the sequence a
 * single thread would give it (an exchange that belongs to a group is judged here, in its place). A batch
 * that finds every worker with its batches in flight is judged here at once, as a worker would, and its
 * results wait their turn: this thread would otherwise only wait, and on two cores one worker and this
 * thread share the judging. A file that breaks off still has every entry before the break judged before
 * the error is recorded.
 */
async function judgeInWorkers(
  pool: JudgePool,
  input: InputFile,
  readerOptions: ReaderOptions,
  builder: ReportBuilder,
  options: CheckOptions,
  counted: () => void,
): Promise<void> {
  const inFlight: Promise<WorkerResult[]>[] = [];
  // The batches this thread judged count too: they hold their results until the older batches are in.
  const perWorker = options.workers?.batchesPerWorker ?? BATCHES_IN_FLIGHT_PER_WORKER;
  const limit = perWorker * (pool.size + 1);
  const judgeAlone: JudgeAlone = (exchange, select) => builder.judgeAlone(exchange, select);
  const dispatch = (items: EntryItem[]) =>
    pool.leastLoad() < perWorker
      ? submitted(pool, items)
      : Promise.resolve(judgeEntries(items, judgeAlone, readerOptions.maxBodyBytes, options.select));
  let batch: EntryItem[] = [];
  const takeOldest = async () => {
    const results = await (inFlight.shift() as Promise<WorkerResult[]>);
    for (const result of results) {
      if (result.kind === "unreadable") recordUnreadable(builder, result);
      else if (result.kind === "grouped") builder.judge(result.exchange, options.select);
      else builder.add(result);
      counted();
    }
  };
  let stopped: unknown;
  try {
    for await (const item of readInputEntries([input], readerOptions)) {
      if (options.signal?.aborted) break;
      batch.push(item);
      if (batch.length < (options.workers?.batchEntries ?? BATCH_ENTRIES)) continue;
      inFlight.push(dispatch(batch));
      batch = [];
      if (inFlight.length >= limit) await takeOldest();
    }
  } catch (error) {
    stopped = error;
  }
  // What was read before an error or an interruption is judged all the same, as in one thread.
  if (batch.length > 0) inFlight.push(dispatch(batch));
  while (inFlight.length > 0) await takeOldest();
  if (stopped !== undefined) throw stopped;
}
