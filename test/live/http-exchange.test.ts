import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { sendRequest } from "../../src/live/http-exchange.js";
import { type Fault, startFaultServer } from "../support/fault-server.js";

const timeouts = { connectMs: 1000, headersMs: 300, bodyMs: 300 };

describe("sendRequest: transport failures never hang and are told apart", () => {
  let server: Awaited<ReturnType<typeof startFaultServer>>;
  before(async () => {
    server = await startFaultServer((req) => (req.url?.slice(1) ?? "ok") as Fault);
  });
  after(() => server.close());

  const send = (fault: string, maxBodyBytes = 1 << 20) =>
    sendRequest(
      { method: "POST", url: `${server.url}/${fault}`, headers: {}, body: "{}" },
      { timeouts, maxBodyBytes },
    );

  it("reads a normal answer", async () => {
    const outcome = await send("ok");
    expect(outcome).to.deep.include({ ok: true, status: 200, body: '{"ok":true}' });
  });

  for (const [fault, kind] of [
    ["reset", "reset"],
    ["stall-headers", "headers-timeout"],
    ["stall-body", "body-timeout"],
    ["truncated", "truncated"],
  ] as const) {
    it(`${fault} → ${kind}`, async () => {
      const outcome = await send(fault);
      expect(outcome.ok).to.equal(false);
      if (!outcome.ok) expect(outcome.kind, outcome.message).to.equal(kind);
    });
  }

  it("a body over the limit → too-large", async () => {
    const outcome = await send("ok", 4);
    expect(outcome).to.deep.include({ ok: false, kind: "too-large" });
  });

  it("a refused connection → refused", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await sendRequest(
      { method: "GET", url: `http://127.0.0.1:${port}/`, headers: {}, body: "" },
      { timeouts, maxBodyBytes: 1024 },
    );
    expect(outcome).to.deep.include({ ok: false, kind: "refused" });
  });

  it("an interrupted run aborts the request at once", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const outcome = await sendRequest(
      { method: "POST", url: `${server.url}/stall-headers`, headers: {}, body: "" },
      { timeouts: { ...timeouts, headersMs: 10_000 }, maxBodyBytes: 1024, signal: controller.signal },
    );
    expect(outcome).to.deep.include({ ok: false, kind: "aborted" });
  });
});
