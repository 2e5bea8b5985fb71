import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { expect } from "chai";
import { InputError, type SourceItem } from "../../src/model/exchange.js";
import { maxEntryTextLength } from "../../src/sources/body-size-limit.js";
import { ndjsonItems, readNdjson } from "../../src/sources/ndjson-reader.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/sources/reader-options.js";
import { collect, exchangeOf, makeTempDir, reasonOf, writeFixture } from "./source-fixtures.js";

const defaults = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES };

type Json = Record<string, unknown>;

function line(overrides: { request?: Json; response?: Json; [field: string]: unknown } = {}): string {
  const { request, response, ...rest } = overrides;
  return JSON.stringify({
    request: { method: "POST", url: "https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys", ...request },
    response: { status: 200, body: '{"RequestId":"r"}', ...response },
    ...rest,
  });
}

describe("readNdjson", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  async function read(text: string, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, chunkSize?: number) {
    const file = await writeFixture(dir, "input.ndjson", text);
    return { file, ...(await collect(readNdjson(file, { maxBodyBytes, chunkSize }))) };
  }

  it("reads good lines: header maps and pairs, base64 bodies, hints", async () => {
    const lines = [
      line({
        request: {
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "Action=ListKeys",
        },
        response: { headers: { "X-Acs-Request-Id": "r" } },
        dialect: "alibaba",
        product: "kms",
        action: "ListKeys",
        format: "json",
      }),
      line({
        response: {
          status: 400,
          headers: [
            { name: "Vary", value: "Accept" },
            { name: "vary", value: "Origin" },
          ],
          body: Buffer.from("<Error>é</Error>").toString("base64"),
          bodyEncoding: "base64",
        },
        _recordedAt: "2024-01-01",
      }),
    ];
    const { file, items, error } = await read(`${lines.join("\n")}\n`);
    expect(error).to.equal(undefined);
    expect(exchangeOf(items[0])).to.deep.equal({
      source: { file, index: 0 },
      request: {
        method: "POST",
        url: "https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "Action=ListKeys",
      },
      response: {
        status: 200,
        headers: { "x-acs-request-id": "r" },
        body: '{"RequestId":"r"}',
        bodySize: 17,
      },
      hints: { dialect: "alibaba", product: "kms", action: "ListKeys", format: "json" },
    });
    const second = exchangeOf(items[1]);
    expect(second.request).to.deep.include({ headers: {}, body: "" });
    expect(second.response).to.deep.equal({
      status: 400,
      headers: { vary: "Accept, Origin" },
      body: "<Error>é</Error>",
      bodySize: 17,
    });
    expect(second).not.to.have.property("hints");
  });

  it("accepts CRLF, a BOM and blank lines, and counts blank lines in the indexes", async () => {
    const text = `\uFEFF${line()}\r\n\r\n  \r\n${line({ response: { body: "é😀" } })}\r\n`;
    const { items, error } = await read(text, DEFAULT_MAX_BODY_BYTES, 3);
    expect(error).to.equal(undefined);
    expect(items.map((i) => exchangeOf(i).source.index)).to.deep.equal([0, 3]);
    expect(exchangeOf(items[1]).response.body).to.equal("é😀");
  });

  it("yields a line that is not JSON as unreadable and reads the others", async () => {
    const { file, items, error } = await read([line(), "{not json", "", line()].join("\n"));
    expect(error).to.equal(undefined);
    expect(items.map((i) => i.kind)).to.deep.equal(["exchange", "unreadable", "exchange"]);
    expect(items[1]?.kind === "unreadable" && items[1].source).to.deep.equal({ file, index: 1 });
    expect(reasonOf(items[1])).to.match(/^line is not valid JSON: .+/);
    expect(exchangeOf(items[2]).source.index).to.equal(3);
  });

  describe("lines that do not match the schema name the field", () => {
    const cases: { name: string; text: string; reason: string }[] = [
      {
        name: "a string status",
        text: line({ response: { status: "200" } }),
        reason: "/response/status must be integer",
      },
      {
        name: "a status out of range",
        text: line({ response: { status: 42 } }),
        reason: "/response/status must be >= 100",
      },
      {
        name: "a missing response body",
        text: JSON.stringify({ request: { method: "GET", url: "u" }, response: { status: 200 } }),
        reason: "/response must have required property 'body'",
      },
      {
        name: "a missing request",
        text: '{"response":{"status":200,"body":""}}',
        reason: "the line must have required property 'request'",
      },
      { name: "an array", text: "[1]", reason: "the line must be object" },
      {
        name: "a header map with a number",
        text: line({ request: { headers: { "X-A": 1 } } }),
        reason: "/request/headers/X-A must be string",
      },
      {
        name: "header pairs without a value",
        text: line({ response: { headers: [{ name: "a" }] } }),
        reason: "/response/headers/0 must have required property 'value'",
      },
      {
        name: "headers as a string",
        text: line({ request: { headers: "a: b" } }),
        reason: "/request/headers must be object or array",
      },
      {
        name: "an unknown body encoding",
        text: line({ response: { bodyEncoding: "hex" } }),
        reason: "/response/bodyEncoding must be one of utf8, base64",
      },
      {
        name: "a misspelt field",
        text: line({ response: { bodyEncodng: "base64" } }),
        reason: '/response must NOT have additional property "bodyEncodng"',
      },
      { name: "a hint that is not a string", text: line({ dialect: 3 }), reason: "/dialect must be string" },
    ];
    for (const { name, text, reason } of cases) {
      it(name, async () => {
        const { items } = await read(text);
        expect(reasonOf(items[0])).to.equal(reason);
      });
    }
  });

  it("yields a body over the limit as unreadable with its size", async () => {
    const { items } = await read(line({ response: { body: "é".repeat(60) } }), 100);
    expect(reasonOf(items[0])).to.equal(
      "response body is 120 bytes, over the 100-byte limit (raise it with --max-body-bytes)",
    );
  });

  it("skips a line too long for any body within the limit without parsing it, and reads the next", async () => {
    const huge = line({ response: { body: "x".repeat(1024 * 1024 + 500) } });
    const { items } = await read(`${huge}\n${line()}\n`, 100);
    expect(reasonOf(items[0])).to.equal(
      "line is longer than 1,048,776 characters, too long to hold a body within the 100-byte limit " +
        "(raise it with --max-body-bytes); it was skipped up to its end",
    );
    expect(exchangeOf(items[1]).source.index).to.equal(1);
  });

  describe("a line far longer than the limit (`check /dev/zero`, a 600 MB line)", () => {
    const MAX_BODY_BYTES = 64 * 1024;
    const CHUNK = 64 * 1024;
    const LONG_LINE = 400 * 1024 * 1024;

    it("is reported while it streams, none of it is kept, and the line after it is read", async () => {
      const maxLine = maxEntryTextLength(MAX_BODY_BYTES);
      const bytes = Buffer.alloc(CHUNK, "x");
      const heapUsed = () => getHeapStatistics().used_heap_size;
      const baseline = heapUsed();
      let produced = 0;
      let heapGrowth = 0;
      // The line comes from a generator, not a file: 400 MB of text, each chunk a fresh string, so that a
      // reader that kept the chunks (as readline keeps a line) would hold all of them.
      async function* text(): AsyncGenerator<string> {
        yield `${line()}\n`;
        for (; produced < LONG_LINE; produced += CHUNK) {
          yield bytes.toString("latin1");
          if (produced % (64 * CHUNK) === 0) heapGrowth = Math.max(heapGrowth, heapUsed() - baseline);
        }
        yield `\n${line()}\n`;
      }
      const items: SourceItem[] = [];
      let producedWhenReported = Number.NaN;
      for await (const item of ndjsonItems("long.ndjson", text(), { maxBodyBytes: MAX_BODY_BYTES })) {
        if (item.kind === "unreadable") producedWhenReported = produced;
        items.push(item);
      }
      expect(
        items.map((i) => [i.kind, i.kind === "exchange" ? i.exchange.source.index : i.source.index]),
      ).to.deep.equal([
        ["exchange", 0],
        ["unreadable", 1],
        ["exchange", 2],
      ]);
      expect(reasonOf(items[1])).to.match(/^line is longer than 1,179,648 characters/);
      // Reported once the line had crossed the limit, not at its end, 400 MB later.
      expect(producedWhenReported).to.be.within(maxLine - CHUNK, maxLine + CHUNK);
      // The heap never held more than a fraction of the line (it holds a few chunks in flight and the
      // young garbage the collector has not reclaimed yet).
      expect(heapGrowth, `heap growth ${heapGrowth} bytes`).to.be.below(LONG_LINE / 4);
    });
  });

  it("throws an InputError for a missing file", async () => {
    const file = path.join(dir, "missing.ndjson");
    const { error } = await collect(readNdjson(file, defaults));
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).message).to.equal(`${file}: cannot read: ENOENT: no such file or directory`);
  });
});
