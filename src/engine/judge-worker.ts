// A worker thread of a parallel check (judge-pool.ts): it parses the entries it is sent and judges those
// that need no other exchange, with an engine of its own made from the same configuration. What it sends
// back, batch by batch, is what the reading thread hands to its ReportBuilder in input order.
import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "./engine.js";
import { ExchangeJudge } from "./exchange-judge.js";
import { judgeEntries } from "./judge-entries.js";
import type { JudgeBatch, JudgedBatch, JudgeWorkerData } from "./judge-pool.js";

const { config, maxBodyBytes, select } = workerData as JudgeWorkerData;
const engine = await createEngine(config);
const judge = new ExchangeJudge(engine, () => {
  throw new Error("judge-worker: judgeAlone hands nothing on");
});

parentPort?.on("message", ({ seq, items }: JudgeBatch) => {
  const results = judgeEntries(items, (exchange) => judge.judgeAlone(exchange, select), maxBodyBytes, select);
  parentPort?.postMessage({ seq, results } satisfies JudgedBatch);
});
