import { connect } from "node:net";
import { expect } from "chai";
import type { RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { errorsOf } from "./support/judge.js";
import { alibabaCall, startTestSandbox, tencentCall, zenlayerCall } from "./support/sandbox-calls.js";

const MIB = 1024 * 1024;

/** Writes raw bytes on a socket and returns what came back before the server closed it. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(bytes));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("sandbox: malformed input gets a clean answer, never a crash", () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: null });
  });
  after(() => sandbox.close());
  afterEach(async () => {
    const alive = await tencentCall(sandbox.url);
    expect(alive.json?.Response?.TotalCount, "the server still answers").to.equal(3);
  });

  it("Tencent: a truncated JSON body (correctly signed) is InvalidParameter with HTTP 200", async () => {
    const answer = await tencentCall(sandbox.url, { rawBody: '{"Limit": ' });
    expect(answer.status).to.equal(200);
    expect(answer.json.Response.Error.Code).to.equal("InvalidParameter");
    expect(await errorsOf(answer)).to.deep.equal([]);
  });

  it("Tencent: a body that is JSON but not an object is InvalidParameter", async () => {
    const answer = await tencentCall(sandbox.url, { rawBody: "[1,2]" });
    expect(answer.json.Response.Error.Code).to.equal("InvalidParameter");
    expect(answer.json.Response.Error.Message).to.contain("array");
  });

  it("Tencent: a malformed Authorization is AuthFailure.InvalidAuthorization", async () => {
    const answer = await tencentCall(sandbox.url, { headers: { Authorization: "TC3-HMAC-SHA256 garbage" } });
    expect(answer.json.Response.Error.Code).to.equal("AuthFailure.InvalidAuthorization");
  });

  it("Tencent: GET parameters cannot reach Object.prototype", async () => {
    const answer = await tencentCall(sandbox.url, { method: "GET", query: "__proto__.polluted=1&Limit=1" });
    expect(answer.json.Response.Error.Code).to.equal("UnknownParameter");
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it("Zenlayer: a body that is not JSON is INVALID_PARAMETER 400", async () => {
    const answer = await zenlayerCall(sandbox.url, { rawBody: "pageSize=10" });
    expect([answer.status, answer.json.code]).to.deep.equal([400, "INVALID_PARAMETER"]);
    expect(await errorsOf(answer)).to.deep.equal([]);
  });

  it("Zenlayer: bytes that are not UTF-8 still draw a Zenlayer error", async () => {
    const answer = await zenlayerCall(sandbox.url, { rawBody: "\udc80{" });
    expect(answer.status).to.be.within(400, 499);
    expect(answer.json.code).to.be.a("string");
  });

  it("Alibaba: bad percent-encodings and XML-hostile text come back as a well-formed error", async () => {
    const query =
      "Action=DescribeRegions&Version=2016-01-20&Format=XML&SignatureMethod=HMAC-SHA1&AccessKeyId=%ZZ%E0%A4%A&Signature=%";
    const response = await fetch(`${sandbox.url}/?${query}`);
    const text = await response.text();
    expect(response.status).to.equal(404);
    expect(text).to.contain("<Code>InvalidAccessKeyId.NotFound</Code>");
    const hostile = await alibabaCall(sandbox.url, {
      action: "DescribeRegions",
      format: "XML",
      params: { "<x>&\u0001\"'": "]]>" },
    });
    expect(hostile.status).to.equal(400);
    expect(hostile.text).to.contain("&lt;x&gt;&amp;");
    expect(await errorsOf(hostile), hostile.text).to.deep.equal([]);
  });

  it("a body over 1 MiB is 413, announced or streamed", async () => {
    const big = "x".repeat(MIB + 1);
    const announced = await fetch(`${sandbox.url}/`, {
      method: "POST",
      body: big,
      headers: { "X-TC-Action": "A" },
    });
    expect(announced.status).to.equal(413);
    expect(await announced.json()).to.include({ error: "RequestEntityTooLarge" });
    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * MIB) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const streamed = await fetch(`${sandbox.url}/`, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(streamed.status).to.equal(413);
    await streamed.arrayBuffer();
  });

  it("a request of no known dialect is 404 with a short JSON explanation", async () => {
    for (const init of [{ method: "GET" }, { method: "POST", body: '{"hello":"world"}' }]) {
      const response = await fetch(`${sandbox.url}/anything?x=1`, init);
      expect(response.status).to.equal(404);
      expect(response.headers.get("content-type")).to.equal("application/json");
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).to.equal("UnknownDialect");
      expect(body.message).to.contain("X-TC-");
    }
  });

  it("HEAD of a Tencent request is UnsupportedProtocol, without a body", async () => {
    const response = await fetch(`${sandbox.url}/`, {
      method: "HEAD",
      headers: { "X-TC-Action": "DescribeInstancesStatus" },
    });
    expect(response.status).to.equal(200);
    expect(await response.text()).to.equal("");
  });

  it("bytes that are not HTTP get 400 and the connection closed", async () => {
    const text = await rawExchange(sandbox.port, "GARBAGE GARBAGE\r\n\r\n");
    expect(text).to.match(/^HTTP\/1\.1 400/);
  });

  it("a client that hangs up mid-body leaves the server answering", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(sandbox.port, "127.0.0.1", () => {
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nX-TC-Action: A\r\nContent-Length: 1000\r\n\r\n{"Li');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on("error", () => resolve());
    });
  });
});
