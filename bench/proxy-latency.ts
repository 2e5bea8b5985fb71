// The latency `conformance proxy` adds to each exchange, against calling the built-in sandbox directly in
// the same run, and the exchanges per second it passes. Two paths, each with its own proxy job:
// - reverse: plain HTTP to the proxy's address (the SDK's endpoint), forwarded to the plain-HTTP sandbox
//   (the upstream of cvm.tencentcloudapi.com) and re-signed on the way;
// - forward: HTTPS through the proxy (CONNECT, TLS ended with the proxy's CA), forwarded over TLS to the
//   TLS sandbox with the Host kept (--keep-host), so nothing is re-signed.
// Sandbox, proxy and client share this one process (and its one event loop).
// Run: npx tsx bench/proxy-latency.ts [--requests N (2000)] [--warmup N (1000)] [--blocks N (10)] [--concurrency 1,8]
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import { parseArgs } from "node:util";
import { actionCall, callId } from "../src/live/action-calls.js";
import { DEFAULT_TIMEOUTS } from "../src/live/http-exchange.js";
import { signedRequest } from "../src/live/signed-request.js";
import { SANDBOX_CREDENTIALS } from "../src/providers/credentials.js";
import { productsOf } from "../src/providers/registry.js";
import { type ProxyJob, startProxyJob } from "../src/proxy/proxy-job.js";
import { sandboxCertificate } from "../src/sandbox/sandbox-certificate.js";
import { type RunningSandbox, startSandbox } from "../src/sandbox/start-sandbox.js";
import type { ReportSummary } from "../src/types/generated/report.js";
import { median } from "./median.js";

const PUBLIC_URL = new URL("https://cvm.tencentcloudapi.com");
/** Set in the child this script runs itself as: the folder with the TLS sandbox's CA, certificate and key. */
const TLS_DIR_VARIABLE = "PROXY_LATENCY_SANDBOX_TLS";

const { values } = parseArgs({
  options: {
    requests: { type: "string" },
    warmup: { type: "string" },
    blocks: { type: "string" },
    concurrency: { type: "string" },
  },
});
const requests = Number(values.requests ?? 2000);
const warmup = Number(values.warmup ?? 1000);
const blocks = Number(values.blocks ?? 10);
const concurrencies = (values.concurrency ?? "1,8").split(",").map(Number);
for (const [name, n] of [
  ["--requests", requests],
  ["--warmup", warmup],
  ["--blocks", blocks],
  ...concurrencies.map((c) => ["--concurrency", c] as const),
] as const) {
  if (!Number.isInteger(n) || n < (name === "--warmup" ? 0 : 1))
    throw new RangeError(`${name} must be a positive integer, got ${n}`);
}
if (requests % blocks !== 0) throw new RangeError(`--requests (${requests}) must be a multiple of --blocks`);

/**
 * The proxy forwards to the TLS sandbox with Node's default trust store, which takes a CA only from
 * NODE_EXTRA_CA_CERTS, read at start-up: so the sandbox's CA is made first and the script runs itself again
 * with the variable set.
 */
async function relaunchTrustingSandboxCa(): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "proxy-latency-"));
  try {
    const { ca, server } = await sandboxCertificate();
    await writeFile(path.join(dir, "ca.pem"), ca.cert);
    await writeFile(path.join(dir, "server.pem"), server.cert);
    await writeFile(path.join(dir, "server-key.pem"), server.key);
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: "inherit",
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem"), [TLS_DIR_VARIABLE]: dir },
    });
    return await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One request, ready to send again and again: the same signed bytes each time. */
interface Prepared {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
}

function prepare(target: URL, nowSeconds: number): Prepared {
  const product = productsOf("tencent")[0];
  if (!product?.calls[0]) throw new Error("the registry has no Tencent action call");
  // CVM DescribeInstancesStatus, as bench/live-throughput.ts sends it: a read the sandbox always answers.
  const call = actionCall(callId(product, product.calls[0].action));
  const signed = signedRequest(call, target, SANDBOX_CREDENTIALS, nowSeconds);
  return {
    url: new URL(signed.url),
    method: signed.method,
    headers: signed.headers,
    body: Buffer.from(signed.body),
  };
}

/** CONNECT tunnels opened: one per connection, not one per request, when keep-alive works. */
let tunnelsOpened = 0;

/** A keep-alive HTTPS agent whose connections are CONNECT tunnels through `proxy`, TLS inside trusting `ca`. */
class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    maxSockets: number,
    ca: string,
  ) {
    super({ keepAlive: true, maxSockets, ca });
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? "localhost";
    const port = Number(options.port ?? 443);
    tunnelsOpened++;
    http
      .request({
        host: this.proxy.hostname,
        port: this.proxy.port,
        method: "CONNECT",
        path: `${host}:${port}`,
        agent: false,
      })
      .on("connect", (answer, socket) => {
        if (answer.statusCode !== 200) {
          socket.destroy();
          callback?.(new Error(`CONNECT ${host}:${port} answered ${answer.statusCode}`), socket);
          return;
        }
        const secured = tls.connect({ socket, servername: host, ca: this.options.ca });
        secured.once("secureConnect", () => callback?.(null, secured));
        secured.once("error", (error) => callback?.(error, secured));
      })
      .on("error", (error) => callback?.(error, undefined as unknown as Duplex))
      .end();
    return undefined;
  }
}

/** Sends one request and reads the whole answer; true when it is the sandbox's 200 with a RequestId. */
function send(request: Prepared, agent: http.Agent): Promise<boolean> {
  const client = request.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    client
      .request(request.url, { method: request.method, headers: request.headers, agent }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("error", reject);
        answer.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve(answer.statusCode === 200 && text.includes('"RequestId"') && !text.includes('"Error"'));
        });
      })
      .on("error", reject)
      .end(request.body);
  });
}

/** One way of reaching the sandbox: the request and a keep-alive agent of `maxSockets` connections. */
interface Route {
  request: Prepared;
  agent: (maxSockets: number) => http.Agent;
}

interface PathSetup {
  name: string;
  description: string;
  direct: Route;
  proxied: Route;
  job: ProxyJob;
}

let bad = 0;

/** Wall time of each of `count` sequential exchanges, in milliseconds. */
async function timeSequential(route: Route, agent: http.Agent, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const ok = await send(route.request, agent);
    times.push(performance.now() - started);
    if (!ok) bad++;
  }
  return times;
}

/** Exchanges per second of `count` exchanges sent by `concurrency` senders, each waiting for its answer. */
async function rate(route: Route, concurrency: number, count: number): Promise<number> {
  const agent = route.agent(concurrency);
  let next = 0;
  const sender = async () => {
    while (next < count) {
      next++;
      if (!(await send(route.request, agent))) bad++;
    }
  };
  // The connections are opened before the clock starts.
  await Promise.all(Array.from({ length: concurrency }, () => send(route.request, agent)));
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return count / seconds;
}

/** The value at the 99th percentile (nearest rank). */
function p99(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.99) - 1)] as number;
}
const mean = (times: readonly number[]) => times.reduce((a, b) => a + b, 0) / times.length;
const ms = (value: number) => Number(value.toFixed(4));

/** The first exchanges of each path, not timed: until the JIT has compiled the code they run. */
async function warmUp(setups: readonly PathSetup[]): Promise<void> {
  for (const setup of setups) {
    for (const route of [setup.direct, setup.proxied]) {
      const agent = route.agent(1);
      await timeSequential(route, agent, warmup);
      agent.destroy();
    }
  }
}

async function measureLatency(setup: PathSetup) {
  const directAgent = setup.direct.agent(1);
  const proxiedAgent = setup.proxied.agent(1);
  const direct: number[] = [];
  const proxied: number[] = [];
  const blockAdded: number[] = [];
  const perBlock = requests / blocks;
  // Alternating blocks, each pair in turn starting with the other side: drifts of the machine hit both.
  for (let block = 0; block < blocks; block++) {
    let d: number[];
    let p: number[];
    if (block % 2 === 0) {
      d = await timeSequential(setup.direct, directAgent, perBlock);
      p = await timeSequential(setup.proxied, proxiedAgent, perBlock);
    } else {
      p = await timeSequential(setup.proxied, proxiedAgent, perBlock);
      d = await timeSequential(setup.direct, directAgent, perBlock);
    }
    direct.push(...d);
    proxied.push(...p);
    blockAdded.push(median(p) - median(d));
  }
  directAgent.destroy();
  proxiedAgent.destroy();
  const stats = (times: number[]) => ({
    median: ms(median(times)),
    p99: ms(p99(times)),
    mean: ms(mean(times)),
  });
  const directStats = stats(direct);
  const proxiedStats = stats(proxied);
  return {
    path: setup.name,
    direct: directStats,
    proxied: proxiedStats,
    addedMedian: ms(median(proxied) - median(direct)),
    addedP99: ms(p99(proxied) - p99(direct)),
    addedMean: ms(mean(proxied) - mean(direct)),
    addedMedianPerBlock: blockAdded.map(ms),
    proxiedPerSecondSequential: Math.round(1000 / proxiedStats.mean),
  };
}

async function main(): Promise<void> {
  const tlsDir = process.env[TLS_DIR_VARIABLE];
  if (!tlsDir) throw new Error(`${TLS_DIR_VARIABLE} is not set`);
  const [sandboxCa, serverCert, serverKey] = (await Promise.all(
    ["ca.pem", "server.pem", "server-key.pem"].map((f) => readFile(path.join(tlsDir, f), "utf8")),
  )) as [string, string, string];
  const caDir = await mkdtemp(path.join(os.tmpdir(), "proxy-latency-ca-"));
  const sandboxes: RunningSandbox[] = [];
  const jobs: ProxyJob[] = [];
  const summaries: Record<string, ReportSummary & { tunnelled: number; expected: number }> = {};
  try {
    const common = { credentials: SANDBOX_CREDENTIALS, rateLimit: null, port: 0 } as const;
    const plain = await startSandbox(common);
    sandboxes.push(plain);
    const secure = await startSandbox({ ...common, tls: { cert: serverCert, key: serverKey } });
    sandboxes.push(secure);
    const proxyFor = async (upstream: string, reverse: URL | undefined) => {
      const job = await startProxyJob({
        listen: { host: "127.0.0.1", port: 0 },
        upstreams: new Map([[PUBLIC_URL.host, new URL(upstream)]]),
        keepHost: true,
        reverse,
        caDir,
        timeouts: DEFAULT_TIMEOUTS,
        env: {},
      });
      jobs.push(job);
      return job;
    };
    const reverseJob = await proxyFor(plain.url, PUBLIC_URL);
    const forwardJob = await proxyFor(secure.url, undefined);
    const proxyCa = await readFile(forwardJob.ca.files.cert, "utf8");
    // Signed once: the run stays well inside the sandbox's 300 s clock skew.
    const now = Math.floor(Date.now() / 1000);
    const httpAgent = (maxSockets: number) => new http.Agent({ keepAlive: true, maxSockets });
    const setups: PathSetup[] = [
      {
        name: "reverse (http)",
        description:
          "direct: http → sandbox; proxied: http → proxy address (reverse https://cvm.tencentcloudapi.com) → http sandbox, re-signed",
        direct: { request: prepare(new URL(plain.url), now), agent: httpAgent },
        proxied: { request: prepare(new URL(reverseJob.url), now), agent: httpAgent },
        job: reverseJob,
      },
      {
        name: "forward (https)",
        description:
          "direct: https → TLS sandbox; proxied: CONNECT cvm.tencentcloudapi.com:443 + TLS to the proxy (its CA) → https sandbox, Host kept, not re-signed",
        direct: {
          request: prepare(new URL(secure.url), now),
          agent: (maxSockets) => new https.Agent({ keepAlive: true, maxSockets, ca: sandboxCa }),
        },
        proxied: {
          request: prepare(PUBLIC_URL, now),
          agent: (maxSockets) => new TunnelAgent(new URL(forwardJob.url), maxSockets, proxyCa),
        },
        job: forwardJob,
      },
    ];

    const started = performance.now();
    await warmUp(setups);
    const latency = [];
    for (const setup of setups) latency.push(await measureLatency(setup));
    const throughput = [];
    for (const setup of setups) {
      for (const concurrency of concurrencies) {
        const direct = await rate(setup.direct, concurrency, requests);
        const proxied = await rate(setup.proxied, concurrency, requests);
        throughput.push({
          path: setup.name,
          concurrency,
          directPerSecond: Math.round(direct),
          proxiedPerSecond: Math.round(proxied),
          ratio: Number((direct / proxied).toFixed(2)),
        });
      }
    }
    const seconds = (performance.now() - started) / 1000;

    // What the proxy read: every proxied exchange (warm-up, latency blocks, connection openers, rates).
    const expected = warmup + requests + concurrencies.reduce((sum, c) => sum + c + requests, 0);
    const expectedTunnels = (warmup > 0 ? 2 : 1) + concurrencies.reduce((sum, c) => sum + c, 0);
    for (const setup of setups) {
      const result = await setup.job.stop();
      summaries[setup.name] = { ...result.report.summary, tunnelled: result.tunnelled, expected };
    }
    jobs.length = 0;

    const fixed = (value: number) => value.toFixed(3);
    console.log(
      `conformance proxy: added latency per exchange against the built-in sandbox, same signed Tencent CVM request`,
    );
    console.log(
      `node ${process.version}, ${os.cpus().length} cpus; sequential: ${warmup} warm-up, then ${requests} per side in ${blocks} alternating blocks; rates: ${requests} exchanges per concurrency; ${seconds.toFixed(1)} s\n`,
    );
    for (const setup of setups) console.log(`- ${setup.name}: ${setup.description}`);
    console.log("\nlatency, ms (sequential, one keep-alive connection)\n");
    console.log(
      "| path | direct median | direct p99 | direct mean | proxied median | proxied p99 | proxied mean | added median | added p99 | added median per block, min–max |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of latency) {
      console.log(
        `| ${r.path} | ${fixed(r.direct.median)} | ${fixed(r.direct.p99)} | ${fixed(r.direct.mean)} | ${fixed(r.proxied.median)} | ${fixed(r.proxied.p99)} | ${fixed(r.proxied.mean)} | **${fixed(r.addedMedian)}** | ${fixed(r.addedP99)} | ${fixed(Math.min(...r.addedMedianPerBlock))}–${fixed(Math.max(...r.addedMedianPerBlock))} |`,
      );
    }
    console.log("\nexchanges per second\n");
    console.log("| path | concurrency | direct | through the proxy | direct ÷ proxied |");
    console.log("|---|---:|---:|---:|---:|");
    for (const r of throughput)
      console.log(
        `| ${r.path} | ${r.concurrency} | ${r.directPerSecond} | ${r.proxiedPerSecond} | ${r.ratio}× |`,
      );
    console.log("\nthe proxies' reports\n");
    console.log("| path | expected | exchanges | checked | passed | failed | skipped | transport failures |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const [name, s] of Object.entries(summaries))
      console.log(
        `| ${name} | ${s.expected} | ${s.exchanges} | ${s.checked} | ${s.passed} | ${s.failed} | ${s.skipped} | ${s.transportFailures} |`,
      );
    console.log(`\nanswers that were not the sandbox's 200 with a RequestId: ${bad}`);
    console.log(
      `CONNECT tunnels opened by the forward client: ${tunnelsOpened} (one per keep-alive connection: ${expectedTunnels})`,
    );

    const out = path.join(path.dirname(new URL(import.meta.url).pathname), "out");
    await mkdir(out, { recursive: true });
    await writeFile(
      path.join(out, "proxy-latency.json"),
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          node: process.version,
          cpus: os.cpus().length,
          requests,
          warmup,
          blocks,
          concurrencies,
          seconds: Number(seconds.toFixed(2)),
          paths: setups.map((s) => ({ name: s.name, description: s.description })),
          latencyMs: latency,
          throughput,
          reports: summaries,
          badAnswers: bad,
          tunnelsOpened,
        },
        null,
        2,
      )}\n`,
    );
    const wrong = Object.values(summaries).some(
      (s) =>
        s.exchanges !== s.expected || s.checked !== s.expected || s.failed > 0 || s.transportFailures > 0,
    );
    if (bad > 0 || wrong || tunnelsOpened !== expectedTunnels) {
      console.error("the proxy did not pass every exchange cleanly: the figures above are suspect");
      process.exitCode = 1;
    }
  } finally {
    for (const job of jobs) await job.stop();
    for (const sandbox of sandboxes) await sandbox.close();
    await rm(caDir, { recursive: true, force: true });
  }
}

if (process.env[TLS_DIR_VARIABLE]) await main();
else process.exitCode = await relaunchTrustingSandboxCa();
