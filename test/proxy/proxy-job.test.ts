// The proxy in-process (src/proxy/proxy-job.ts): what it does with answers that are not plain successes
// (no answer, a stall, a body over the cap, a compressed body), with hosts it does not intercept, and what
// it writes. The official SDKs through the built CLI are in test/surface/proxy-cli.test.ts.
import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import tls from "node:tls";
import zlib from "node:zlib";
import { expect } from "chai";
import { DEFAULT_TIMEOUTS } from "../../src/live/http-exchange.js";
import { type ProxyJob, startProxyJob } from "../../src/proxy/proxy-job.js";
import { createCertificateAuthority } from "../../src/tls/certificates.js";
import { startFaultServer } from "../support/fault-server.js";
import { signedDescribeZones } from "../support/signed-describe-zones.js";
import { useTempDir } from "../support/temp-dir.js";

const REQUEST_ID = "6e5e6d27-1f2a-4b3c-8d4e-5f6a7b8c9d0e";
const ZONES = JSON.stringify({ Response: { TotalCount: 0, ZoneSet: [], RequestId: REQUEST_ID } });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A TC3-signed DescribeZones sent to the proxy's own address (reverse mode). */
function callThrough(proxyUrl: string, extraHeaders: Record<string, string> = {}): Promise<Answer> {
  const signed = signedDescribeZones(proxyUrl);
  return new Promise((resolve, reject) => {
    http
      .request(signed.url, { method: "POST", headers: { ...signed.headers, ...extraHeaders } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject)
      .end(signed.body);
  });
}

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("the proxy job (in-process)", () => {
  const tempDir = useTempDir();
  let job: ProxyJob | undefined;

  afterEach(async () => {
    await job?.stop();
    job = undefined;
  });

  const start = (
    upstream: string,
    options: { maxBodyBytes?: number; headersMs?: number; bodyMs?: number } = {},
  ) =>
    startProxyJob({
      listen: { host: "127.0.0.1", port: 0 },
      upstreams: new Map([["cvm.tencentcloudapi.com", new URL(upstream)]]),
      keepHost: false,
      caDir: path.join(tempDir(), "ca"),
      timeouts: {
        ...DEFAULT_TIMEOUTS,
        headersMs: options.headersMs ?? DEFAULT_TIMEOUTS.headersMs,
        bodyMs: options.bodyMs ?? DEFAULT_TIMEOUTS.bodyMs,
      },
      maxBodyBytes: options.maxBodyBytes,
      env: {},
    });

  it("a refused, reset or stalled upstream: the client gets 502 or 504 saying so, the report a transport failure", async () => {
    const faults = await startFaultServer(
      (req) => (req.headers["x-fault"] as "reset" | "stall-headers") ?? "ok",
    );
    try {
      job = await start(faults.url, { headersMs: 300 });
      const reset = await callThrough(job.url, { "x-fault": "reset" });
      expect(reset.status).to.equal(502);
      expect(reset.headers["x-conformance-proxy-error"]).to.equal("reset");
      const stalled = await callThrough(job.url, { "x-fault": "stall-headers" });
      expect(stalled.status).to.equal(504);
      expect(stalled.body.toString()).to.contain("no response headers within 300 ms");
    } finally {
      await faults.close();
    }
    const refused = await callThrough(job.url);
    expect(refused.status, "the fault server is gone").to.equal(502);
    const { report } = await job.stop();
    job = undefined;
    expect(report.transportFailures.map((f) => f.kind)).to.deep.equal([
      "reset",
      "headers-timeout",
      "refused",
    ]);
    expect(report.summary.transportFailures).to.equal(3);
    expect(report.transportFailures[0]?.source.file).to.equal("https://cvm.tencentcloudapi.com/");
  });

  it("an answer that stalls mid-body: the client's connection is closed as the upstream left it, the report says body-timeout", async () => {
    const faults = await startFaultServer(() => "stall-body");
    try {
      job = await start(faults.url, { bodyMs: 200 });
      let failure: unknown;
      try {
        await callThrough(job.url);
      } catch (error) {
        failure = error;
      }
      expect(
        (failure as NodeJS.ErrnoException | undefined)?.code,
        "the client sees the answer cut short",
      ).to.be.oneOf(["ECONNRESET", "ERR_STREAM_PREMATURE_CLOSE"]);
    } finally {
      await faults.close();
    }
    const { report } = await job.stop();
    job = undefined;
    expect(report.transportFailures.map((f) => [f.kind, f.message])).to.deep.equal([
      ["body-timeout", "no complete body within 200 ms"],
    ]);
  });

  it("a body over --max-body-bytes reaches the client whole and is reported as too-large, not judged", async () => {
    const big = JSON.stringify({
      Response: { ZoneSet: [], Padding: "x".repeat(5000), RequestId: REQUEST_ID },
    });
    const upstream = await serve((_req, res) => res.end(big));
    try {
      job = await start(upstream.url, { maxBodyBytes: 1000 });
      const answer = await callThrough(job.url);
      expect(answer.body.toString()).to.equal(big);
    } finally {
      await upstream.close();
    }
    const { report } = await job.stop();
    job = undefined;
    expect(report.transportFailures.map((f) => f.kind)).to.deep.equal(["too-large"]);
    expect(report.summary.checked).to.equal(0);
  });

  it("a request body over the cap gets a 413, one that stalls a 408; both are listed as skipped", async () => {
    job = await start("http://127.0.0.1:9", { maxBodyBytes: 1000, bodyMs: 200 });
    const proxy = new URL(job.url);
    const send = (headers: Record<string, string>, body: string, end: boolean) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          { host: proxy.hostname, port: proxy.port, method: "POST", path: "/", headers },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        request.on("error", reject);
        request.write(body);
        if (end) request.end();
      });
    expect(await send({ "x-tc-action": "DescribeZones" }, "x".repeat(5000), true)).to.equal(413);
    expect(await send({ "x-tc-action": "DescribeZones", "content-length": "100" }, "{", false)).to.equal(408);
    const { report } = await job.stop();
    job = undefined;
    expect(report.skipped.map((s) => s.reason)).to.deep.equal([
      "request body over 1000 bytes (--max-body-bytes)",
      "the client did not send its whole request body within 200 ms (--body-timeout)",
    ]);
    // Named by the proxy's own address, where they came in (no upstream was chosen).
    expect(report.skipped.map((s) => s.source.file)).to.deep.equal([`${proxy.origin}/`, `${proxy.origin}/`]);
  });

  it("a gzip-encoded answer is passed on encoded and judged decoded", async () => {
    const gzipped = zlib.gzipSync(ZONES);
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipped);
    });
    try {
      job = await start(upstream.url);
      const answer = await callThrough(job.url, { "accept-encoding": "gzip" });
      expect(answer.headers["content-encoding"]).to.equal("gzip");
      expect(Buffer.compare(answer.body, gzipped)).to.equal(0);
    } finally {
      await upstream.close();
    }
    const { report } = await job.stop();
    job = undefined;
    expect(report.summary).to.include({ checked: 1, failed: 0 });
  });

  it("an answer that decodes to nothing (a broken gzip) is skipped with the reason", async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end("not gzip at all");
    });
    try {
      job = await start(upstream.url);
      await callThrough(job.url);
    } finally {
      await upstream.close();
    }
    const { report } = await job.stop();
    job = undefined;
    expect(report.skipped.map((s) => s.reason)).to.deep.equal([
      "response body does not decode as gzip: incorrect header check",
    ]);
  });

  it("CONNECT to a host it does not intercept is tunnelled untouched: the client sees that host's own certificate", async () => {
    const ca = await createCertificateAuthority("other host CA");
    const other = https.createServer(await ca.issue(["127.0.0.1"]), (_req, res) => res.end("other host"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const { port } = other.address() as AddressInfo;
    try {
      job = await start("http://127.0.0.1:9");
      const proxy = new URL(job.url);
      const socket = await new Promise<Socket>((resolve, reject) => {
        http
          .request({ host: proxy.hostname, port: proxy.port, method: "CONNECT", path: `127.0.0.1:${port}` })
          .on("connect", (res, tunnel) =>
            res.statusCode === 200 ? resolve(tunnel) : reject(new Error(`${res.statusCode}`)),
          )
          .on("error", reject)
          .end();
      });
      // TLS inside the tunnel, trusting only the other host's CA: an intercepted tunnel would fail here.
      const text = await new Promise<string>((resolve, reject) => {
        const secured = tls.connect({ socket, host: "127.0.0.1", ca: ca.cert }, () =>
          secured.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        );
        let received = "";
        secured.on("data", (chunk: Buffer) => {
          received += chunk.toString();
        });
        secured.on("end", () => resolve(received));
        secured.on("error", reject);
      });
      expect(text).to.contain("other host");
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
    const result = await job.stop();
    job = undefined;
    expect(result.tunnelled).to.equal(1);
    expect(result.report.summary.exchanges).to.equal(0);
  });
});
