// A worker thread of a parallel check (judge-pool.ts): it parses the entries it is sent and judges those
// that need no other exchange, with an engine of its own made from the same configuration. What it sends
// back, batch by batch, is what the reading thread hands to its ReportBuilder in input order.
import { parentPort, workerData } from "node:worker_threads";
import { parseEntry } from "../sources/entry-item.js";
import { createEngine } from "./engine.js";
import { ExchangeJudge } from "./exchange-judge.js";
import type { JudgeBatch, JudgedBatch, JudgeWorkerData, WorkerResult } from "./judge-pool.js";

const { config, maxBodyBytes, select } = workerData as JudgeWorkerData;
const engine = await createEngine(config);
const judge = new ExchangeJudge(engine, () => {
  throw new Error("judge-worker: judgeAlone hands nothing on");
});

parentPort?.on("message", ({ seq, items }: JudgeBatch) => {
  const results = items.map((item): WorkerResult => {
    if (item.kind === "unreadable") return item;
    const parsed = parseEntry(item, maxBodyBytes);
    if (parsed.kind === "unreadable") return parsed;
    return judge.judgeAlone(parsed.exchange, select) ?? { kind: "grouped", exchange: parsed.exchange };
  });
  parentPort?.postMessage({ seq, results } satisfies JudgedBatch);
});
