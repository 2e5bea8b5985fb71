// Exchanges per second of the live runner against the built-in sandbox, at concurrency 1 and 8, next to
// plain HTTP load (autocannon) on the same endpoint with the same signed request: the runner's overhead.
// Run: npx tsx bench/live-throughput.ts [--calls N] [--seconds S]
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createEngine } from "../src/engine/engine.js";
import { ReportBuilder } from "../src/engine/report-builder.js";
import { actionCall, callId } from "../src/live/action-calls.js";
import { DEFAULT_TIMEOUTS } from "../src/live/http-exchange.js";
import { runLive } from "../src/live/run-live.js";
import { signedRequest } from "../src/live/signed-request.js";
import { SANDBOX_CREDENTIALS } from "../src/providers/credentials.js";
import { productsOf } from "../src/providers/registry.js";
import { startSandbox } from "../src/sandbox/start-sandbox.js";

const { values } = parseArgs({ options: { calls: { type: "string" }, seconds: { type: "string" } } });
const callCount = Number(values.calls ?? 4000);
const seconds = Number(values.seconds ?? 5);
// The first Tencent product's first action call (CVM DescribeInstancesStatus): a read that always succeeds.
const tencentProduct = productsOf("tencent")[0];
if (!tencentProduct?.calls[0]) throw new Error("the registry has no Tencent action call");
const base = actionCall(callId(tencentProduct, tencentProduct.calls[0].action));

const sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS, rateLimit: null });
const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });
const rows: Record<string, unknown>[] = [];
try {
  for (const concurrency of [1, 8]) {
    const builder = new ReportBuilder(engine, [{ kind: "live", location: sandbox.url }]);
    const calls = Array.from({ length: callCount }, (_, i) => ({ ...base, id: `${base.id}#${i}` }));
    const started = performance.now();
    const summary = await runLive({
      target: new URL(sandbox.url),
      calls,
      credentials: SANDBOX_CREDENTIALS,
      engine,
      builder,
      concurrency,
      timeouts: DEFAULT_TIMEOUTS,
      maxBodyBytes: 1 << 20,
      throttleRetries: 0,
    });
    const runnerSeconds = (performance.now() - started) / 1000;
    const report = builder.build();
    if (report.summary.failed > 0 || summary.transportFailures > 0)
      throw new Error("the clean sandbox did not pass: the measurement would be wrong");

    const request = signedRequest(
      base,
      new URL(sandbox.url),
      SANDBOX_CREDENTIALS,
      Math.floor(Date.now() / 1000),
    );
    const load = await autocannon({
      url: request.url,
      method: request.method as "POST",
      headers: request.headers,
      body: request.body,
      connections: concurrency,
      duration: seconds,
    });
    if (load.non2xx > 0 || load.errors > 0)
      throw new Error(`autocannon saw ${load.non2xx} non-2xx answers and ${load.errors} errors`);
    const runnerRate = summary.exchanges / runnerSeconds;
    const plainRate = load.requests.total / seconds;
    rows.push({
      concurrency,
      runnerExchanges: summary.exchanges,
      runnerSeconds: Number(runnerSeconds.toFixed(2)),
      runnerPerSecond: Math.round(runnerRate),
      plainRequests: load.requests.total,
      plainPerSecond: Math.round(plainRate),
      overhead: Number((plainRate / runnerRate).toFixed(2)),
    });
  }
} finally {
  await sandbox.close();
}

console.log(
  "live runner vs plain HTTP (autocannon) against the built-in sandbox, same signed Tencent request",
);
console.log(
  `node ${process.version}; runner: ${callCount} calls; autocannon: ${seconds} s per concurrency\n`,
);
console.log("| concurrency | runner exchanges/s | plain requests/s | plain ÷ runner |");
console.log("|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.concurrency} | ${r.runnerPerSecond} | ${r.plainPerSecond} | ${r.overhead}× |`);
const out = path.join(path.dirname(new URL(import.meta.url).pathname), "out");
await mkdir(out, { recursive: true });
await writeFile(path.join(out, "live-throughput.json"), `${JSON.stringify(rows, null, 2)}\n`);
