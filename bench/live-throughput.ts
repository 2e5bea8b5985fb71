// Exchanges per second of the live runner against the built-in sandbox, at concurrency 1 and 8, next to
// plain HTTP load (autocannon) on the same sandbox with the same signed request: the runner's overhead.
//
// As a live run meets its target: the sandbox is a process of its own (`conformance sandbox`, from dist/),
// so its work is not counted against either client; the runner is the built one (dist/), as users run it.
// Both clients are warmed up first, then measured in alternating rounds (runner, autocannon; autocannon
// first on even rounds), medians of --runs. Each row also gives the CPU time this process spent per exchange
// (runner) or per request (autocannon): what each client costs, whatever the sandbox's speed.
// Run: npm run build && npx tsx bench/live-throughput.ts [--calls N] [--seconds S] [--runs N] [--warmup N]
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { median } from "./median.js";

type EngineModule = typeof import("../src/engine/engine.js");
type BuilderModule = typeof import("../src/engine/report-builder.js");
type CallsModule = typeof import("../src/live/action-calls.js");
type HttpModule = typeof import("../src/live/http-exchange.js");
type RunModule = typeof import("../src/live/run-live.js");
type SignedModule = typeof import("../src/live/signed-request.js");
type CredentialsModule = typeof import("../src/providers/credentials.js");
type RegistryModule = typeof import("../src/providers/registry.js");

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const CLI = path.join(ROOT, "dist", "src", "cli", "bin.js");

const { values } = parseArgs({
  options: {
    calls: { type: "string" },
    seconds: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
  },
});
const callCount = Number(values.calls ?? 4000);
const seconds = Number(values.seconds ?? 3);
const runs = Number(values.runs ?? 3);
const warmupCalls = Number(values.warmup ?? 1000);
for (const [name, n, least] of [
  ["--calls", callCount, 1],
  ["--seconds", seconds, 1],
  ["--runs", runs, 1],
  ["--warmup", warmupCalls, 0],
] as const) {
  if (!Number.isInteger(n) || n < least)
    throw new RangeError(`${name} must be an integer ≥ ${least}, got ${n}`);
}
if (!existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run npm run build first`);

/** A module of the built tool (dist/), typed as its source. */
const built = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(ROOT, "dist", "src", file)).href)) as T;
const { createEngine } = await built<EngineModule>("engine/engine.js");
const { ReportBuilder } = await built<BuilderModule>("engine/report-builder.js");
const { actionCall, callId } = await built<CallsModule>("live/action-calls.js");
const { DEFAULT_TIMEOUTS } = await built<HttpModule>("live/http-exchange.js");
const { runLive } = await built<RunModule>("live/run-live.js");
const { signedRequest } = await built<SignedModule>("live/signed-request.js");
const { SANDBOX_CREDENTIALS } = await built<CredentialsModule>("providers/credentials.js");
const { productsOf } = await built<RegistryModule>("providers/registry.js");

/** `conformance sandbox` in a process of its own, never throttling; resolves with its URL. */
async function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, "sandbox", "--no-rate-limit", "--quiet"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the sandbox exited (${code}) before it listened`);
  });
  const listening = (async () => {
    for await (const line of lines) {
      const url = /https?:\/\/\S+/.exec(line)?.[0];
      if (url) return url;
    }
    throw new Error("the sandbox closed its output without a URL");
  })();
  // Never left behind, whatever ends this script (the finally below, an error, an exit).
  process.once("exit", () => child.kill());
  const url = await Promise.race([listening, exited]);
  return { url, child };
}

// The first Tencent product's first action call (CVM DescribeInstancesStatus): a read that always succeeds.
const tencentProduct = productsOf("tencent")[0];
if (!tencentProduct?.calls[0]) throw new Error("the registry has no Tencent action call");
const base = actionCall(callId(tencentProduct, tencentProduct.calls[0].action));

const sandbox = await startSandboxProcess();
const target = new URL(sandbox.url);
const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });

interface Measure {
  perSecond: number;
  cpuMicrosEach: number;
}

async function runner(concurrency: number, count: number): Promise<Measure> {
  const builder = new ReportBuilder(engine, [{ kind: "live", location: sandbox.url }]);
  const calls = Array.from({ length: count }, (_, i) => ({ ...base, id: `${base.id}#${i}` }));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await runLive({
    target,
    calls,
    credentials: SANDBOX_CREDENTIALS,
    engine,
    builder,
    concurrency,
    timeouts: DEFAULT_TIMEOUTS,
    maxBodyBytes: 1 << 20,
    throttleRetries: 0,
  });
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const report = builder.build();
  if (report.summary.failed > 0 || summary.transportFailures > 0 || summary.exchanges !== count)
    throw new Error("the clean sandbox did not pass every call: the measurement would be wrong");
  return { perSecond: count / elapsed, cpuMicrosEach: (used.user + used.system) / count };
}

async function plain(concurrency: number, duration: number): Promise<Measure> {
  const request = signedRequest(base, target, SANDBOX_CREDENTIALS, Math.floor(Date.now() / 1000));
  const cpu = process.cpuUsage();
  const load = await autocannon({
    url: request.url,
    method: request.method as "POST",
    headers: request.headers,
    body: request.body,
    connections: concurrency,
    duration,
  });
  const used = process.cpuUsage(cpu);
  if (load.non2xx > 0 || load.errors > 0)
    throw new Error(`autocannon saw ${load.non2xx} non-2xx answers and ${load.errors} errors`);
  return {
    perSecond: load.requests.total / duration,
    cpuMicrosEach: (used.user + used.system) / load.requests.total,
  };
}

const rows: Record<string, unknown>[] = [];
try {
  // JIT, schema compilation and connection set-up, for both clients, before anything is measured.
  if (warmupCalls > 0) {
    process.stderr.write(`warming up: ${warmupCalls} runner calls and 1 s of autocannon\n`);
    await runner(8, warmupCalls);
    await plain(8, 1);
  }
  for (const concurrency of [1, 8]) {
    const runnerRuns: Measure[] = [];
    const plainRuns: Measure[] = [];
    for (let run = 0; run < runs; run++) {
      process.stderr.write(`concurrency ${concurrency}, round ${run + 1} of ${runs}\n`);
      const steps = [
        async () => runnerRuns.push(await runner(concurrency, callCount)),
        async () => plainRuns.push(await plain(concurrency, seconds)),
      ];
      if (run % 2 === 1) steps.reverse();
      for (const step of steps) await step();
    }
    const runnerPerSecond = median(runnerRuns.map((m) => m.perSecond));
    const plainPerSecond = median(plainRuns.map((m) => m.perSecond));
    rows.push({
      concurrency,
      runnerExchanges: callCount,
      runnerPerSecond: Math.round(runnerPerSecond),
      runnerCpuMicrosPerExchange: Math.round(median(runnerRuns.map((m) => m.cpuMicrosEach))),
      plainSeconds: seconds,
      plainPerSecond: Math.round(plainPerSecond),
      plainCpuMicrosPerRequest: Math.round(median(plainRuns.map((m) => m.cpuMicrosEach))),
      overhead: Number((plainPerSecond / runnerPerSecond).toFixed(2)),
      runs: { runner: runnerRuns, plain: plainRuns },
    });
  }
} finally {
  sandbox.child.kill();
}

console.log(
  "live runner (dist/) vs plain HTTP (autocannon) against the built-in sandbox in its own process, same signed Tencent request",
);
console.log(
  `node ${process.version}; runner: ${callCount} calls, autocannon: ${seconds} s, per round; medians of ${runs} rounds after a warm-up\n`,
);
console.log(
  "| concurrency | runner exchanges/s | runner CPU µs/exchange | plain requests/s | plain CPU µs/request | plain ÷ runner |",
);
console.log("|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.concurrency} | ${r.runnerPerSecond} | ${r.runnerCpuMicrosPerExchange} | ${r.plainPerSecond} | ${r.plainCpuMicrosPerRequest} | ${r.overhead}× |`,
  );
const out = path.join(ROOT, "bench", "out");
await mkdir(out, { recursive: true });
await writeFile(path.join(out, "live-throughput.json"), `${JSON.stringify(rows, null, 2)}\n`);
