import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ResolvedConfig } from "../config/load-config.js";
import type { RawExchange, SourceItem } from "../model/exchange.js";
import type { EntryItem } from "../sources/entry-item.js";
import type { ExchangeVerdict } from "./check-exchange.js";
import type { Selection } from "./selection.js";

/** What a worker needs to judge as the reading thread would: the configuration, the body limit, the selection. */
export interface JudgeWorkerData {
  config: Pick<ResolvedConfig, "rules" | "hosts" | "maxDepth" | "actionSchemas" | "file">;
  maxBodyBytes: number;
  select: Selection | undefined;
}

/**
 * What became of one entry in a worker: its verdict, unreadable with the reason, or parsed but belonging to
 * a group (its verdict needs other exchanges: the reading thread judges it, in input order).
 */
export type WorkerResult =
  | ExchangeVerdict
  | Extract<SourceItem, { kind: "unreadable" }>
  | { kind: "grouped"; exchange: RawExchange };

export interface JudgeBatch {
  seq: number;
  items: EntryItem[];
}

export interface JudgedBatch {
  seq: number;
  results: WorkerResult[];
}

/** The worker's module beside this one: .js in the build, .ts when the tests run the sources through tsx. */
const WORKER_URL = new URL(`./judge-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * A worker thread running the worker's module. From the TypeScript sources (the tests, through tsx), the
 * thread registers tsx first: Node 20 does not carry the loader hooks of `--import tsx` into workers.
 */
function startWorker(data: JudgeWorkerData): Worker {
  if (WORKER_URL.pathname.endsWith(".js")) return new Worker(WORKER_URL, { workerData: data });
  // tsx's ESM API, found from here (import.meta.resolve is not there under tsx; require finds its CJS twin).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

/**
 * Worker threads that parse and judge batches of entries (judge-worker.ts), each batch's results returned
 * as a promise, so that the caller can take them in the order it sent them. A worker that fails (it cannot
 * load the schemas, a bug) rejects every batch it holds, and the next submit, with its error.
 */
export class JudgePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (r: WorkerResult[]) => void; reject: (e: unknown) => void; worker: Worker }
  >();
  private readonly load = new Map<Worker, number>();
  private seq = 0;
  private failure: unknown;
  private closing = false;

  constructor(count: number, data: JudgeWorkerData) {
    this.workers = Array.from({ length: count }, () => {
      const worker = startWorker(data);
      this.load.set(worker, 0);
      worker.on("message", ({ seq, results }: JudgedBatch) => {
        const waiter = this.waiting.get(seq);
        if (!waiter) return;
        this.waiting.delete(seq);
        this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
        waiter.resolve(results);
      });
      worker.on("error", (error) => this.fail(worker, error));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(worker, new Error(`a judging worker thread exited with code ${code}`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Batches sent to the least busy worker and not yet answered. */
  leastLoad(): number {
    return Math.min(...this.load.values());
  }

  /** Sends a batch to the least busy worker; its results, in the batch's order. */
  submit(items: EntryItem[]): Promise<WorkerResult[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    let chosen = this.workers[0] as Worker;
    for (const worker of this.workers)
      if ((this.load.get(worker) ?? 0) < (this.load.get(chosen) ?? 0)) chosen = worker;
    const seq = this.seq++;
    this.load.set(chosen, (this.load.get(chosen) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, worker: chosen });
      chosen.postMessage({ seq, items } satisfies JudgeBatch);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(worker: Worker, error: unknown): void {
    this.failure ??= error;
    for (const [seq, waiter] of this.waiting) {
      if (waiter.worker !== worker) continue;
      this.waiting.delete(seq);
      waiter.reject(error);
    }
  }
}
