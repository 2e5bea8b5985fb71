import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { InputError } from "../../src/model/exchange.js";
import { readHar } from "../../src/sources/har-reader.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/sources/reader-options.js";
import {
  collect,
  exchangeOf,
  harEntry,
  harText,
  makeTempDir,
  reasonOf,
  writeFixture,
} from "./source-fixtures.js";

const defaults = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES };

function expectInputError(error: unknown, file: string, message: string, index?: number): InputError {
  expect(error, "the reader should end with an InputError").to.be.instanceOf(InputError);
  const inputError = error as InputError;
  expect(inputError.file).to.equal(file);
  expect(inputError.message).to.include(message);
  expect(inputError.index).to.equal(index);
  return inputError;
}

describe("readHar", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it("reads every entry of a good HAR file with a BOM: base64, form params, hints, repeated headers", async () => {
    const entries = [
      harEntry('{"Response":{"RequestId":"a"}}', { _conformance: { dialect: "tencent", product: "cvm" } }),
      harEntry("", {
        request: {
          method: "POST",
          url: "https://kms.cn-hangzhou.aliyuncs.com/",
          headers: [],
          postData: {
            mimeType: "application/x-www-form-urlencoded",
            params: [{ name: "Action", value: "ListKeys" }],
          },
        },
        response: {
          status: 404,
          headers: [
            { name: "X-Acs-Request-Id", value: "r1" },
            { name: "Vary", value: "Accept" },
            { name: "vary", value: "Origin" },
          ],
          content: { size: 9, encoding: "base64", text: Buffer.from("<Error/>\n").toString("base64") },
        },
      }),
      harEntry('{"requestId":"z"}'),
    ];
    const file = await writeFixture(dir, "good.har", `\uFEFF${harText(entries, 2)}`);
    const { items, error } = await collect(readHar(file, defaults));
    expect(error).to.equal(undefined);
    expect(items.map((i) => i.kind)).to.deep.equal(["exchange", "exchange", "exchange"]);
    const [first, second, third] = items.map(exchangeOf);
    expect(first?.source).to.deep.equal({ file, index: 0 });
    expect(first?.hints).to.deep.equal({ dialect: "tencent", product: "cvm" });
    expect(first?.response.body).to.equal('{"Response":{"RequestId":"a"}}');
    expect(second?.request.body).to.equal("Action=ListKeys");
    expect(second?.response).to.deep.equal({
      status: 404,
      headers: { "x-acs-request-id": "r1", vary: "Accept, Origin" },
      body: "<Error/>\n",
      bodySize: 9,
    });
    expect(third?.source.index).to.equal(2);
  });

  it("reads bodies full of brackets, quotes, escapes and multi-byte characters split across tiny chunks", async () => {
    const body =
      '{"Message":"a ] b } c \\" d [ { \\\\","Emoji":"😀 中文 é","Raw":"\u2028\\u00e9\\ud83d\\ude00"} ]}"\\';
    const entries = [harEntry(body), harEntry(`"${body}"`), harEntry("]}")];
    const file = await writeFixture(dir, "tricky.har", harText(entries));
    for (const chunkSize of [1, 2, 3, 5, 7, 64]) {
      const { items, error } = await collect(readHar(file, { ...defaults, chunkSize }));
      expect(error, `chunk size ${chunkSize}`).to.equal(undefined);
      expect(
        items.map((i) => exchangeOf(i).response.body),
        `chunk size ${chunkSize}`,
      ).to.deep.equal([body, `"${body}"`, "]}"]);
    }
  });

  it("yields an entry without a recorded response body as unreadable and goes on", async () => {
    const noText = harEntry();
    delete (noText.response as { content: Record<string, unknown> }).content.text;
    const file = await writeFixture(
      dir,
      "gap.har",
      harText([harEntry(), noText, "not an entry", harEntry()]),
    );
    const { items, error } = await collect(readHar(file, defaults));
    expect(error).to.equal(undefined);
    expect(items.map((i) => i.kind)).to.deep.equal(["exchange", "unreadable", "unreadable", "exchange"]);
    expect(items[1]).to.deep.equal({
      kind: "unreadable",
      source: { file, index: 1 },
      reason: "response.content.text is missing: the response body was not recorded",
    });
    expect(reasonOf(items[2])).to.equal("entry is not an object");
    expect(exchangeOf(items[3]).source.index).to.equal(3);
  });

  it("yields an entry with a bad escape in a string as unreadable", async () => {
    const text = harText([harEntry("BAD"), harEntry()]).replace('"BAD"', '"\\x"');
    const file = await writeFixture(dir, "escape.har", text);
    const { items, error } = await collect(readHar(file, defaults));
    expect(error).to.equal(undefined);
    expect(reasonOf(items[0])).to.match(
      /^entry is not valid JSON: .* \(the entry starts at character \d+\)$/,
    );
    expect(items[1]?.kind).to.equal("exchange");
  });

  it("throws an InputError naming the file and the place of a syntax error, after the entries before it", async () => {
    const text = harText([harEntry(), harEntry(), harEntry()], 2);
    // Removes the comma between entries 0 and 1.
    const secondEntry = text.indexOf('"startedDateTime"', text.indexOf('"startedDateTime"') + 1);
    const comma = text.lastIndexOf(",", secondEntry);
    const broken = text.slice(0, comma) + text.slice(comma + 1);
    const file = await writeFixture(dir, "broken.har", broken);
    const { items, error } = await collect(readHar(file, defaults));
    expect(items).to.have.length(1);
    const inputError = expectInputError(error, file, "syntax error at character");
    expect(inputError.message).to.match(
      /^.*broken\.har: syntax error at character \d+ \(line \d+, column 7\): expected ',' or '\]', found '\{'$/,
    );
  });

  it("yields the entries before the cut of a truncated file, then throws with the entry index", async () => {
    const text = harText([harEntry(), harEntry(), harEntry(), harEntry("cut somewhere in here")]);
    const file = await writeFixture(dir, "truncated.har", text.slice(0, text.indexOf("somewhere")));
    const { items, error } = await collect(readHar(file, defaults));
    expect(items.map((i) => exchangeOf(i).source.index)).to.deep.equal([0, 1, 2]);
    const inputError = expectInputError(
      error,
      file,
      "truncated: the file ends inside entry 3 of log.entries",
      3,
    );
    expect(inputError.message).to.equal(
      `${file}: entry 3: truncated: the file ends inside entry 3 of log.entries`,
    );
  });

  it("throws an InputError for JSON that is not HAR", async () => {
    const file = await writeFixture(dir, "foo.har", '{"foo":1}');
    const { items, error } = await collect(readHar(file, defaults));
    expect(items).to.deep.equal([]);
    expectInputError(error, file, "not a HAR file: no log object");
  });

  it("throws an InputError for a HAR without entries", async () => {
    const file = await writeFixture(dir, "noentries.har", '{"log":{"version":"1.2","pages":[]}}');
    expectInputError(
      (await collect(readHar(file, defaults))).error,
      file,
      "not a HAR file: no log.entries array",
    );
  });

  it("throws an InputError for an empty file", async () => {
    const file = await writeFixture(dir, "empty.har", "");
    expectInputError((await collect(readHar(file, defaults))).error, file, "the file is empty");
  });

  it("throws an InputError for a missing file or a folder", async () => {
    const missing = path.join(dir, "missing.har");
    expectInputError((await collect(readHar(missing, defaults))).error, missing, "cannot read: ENOENT");
    expectInputError((await collect(readHar(dir, defaults))).error, dir, "cannot read: EISDIR");
  });

  it("reads a HAR of 20,000 small entries", async () => {
    const entry = JSON.stringify({
      request: { method: "GET", url: "https://x.aliyuncs.com/?Action=A", headers: [] },
      response: { status: 200, headers: [], content: { size: 2, text: "{}" } },
    });
    const file = await writeFixture(
      dir,
      "many.har",
      `{"log":{"version":"1.2","entries":[${Array(20_000).fill(entry).join(",")}]}}`,
    );
    let count = 0;
    let lastIndex = -1;
    for await (const item of readHar(file, defaults)) {
      count += item.kind === "exchange" ? 1 : 0;
      lastIndex = exchangeOf(item).source.index;
    }
    expect(count).to.equal(20_000);
    expect(lastIndex).to.equal(19_999);
  });

  describe("large bodies", () => {
    const FIFTY_MIB = 50 * 1024 * 1024;
    let file: string;
    beforeEach(async () => {
      file = path.join(dir, "large.har");
      const before = harText([harEntry(), harEntry("BODY"), harEntry()]);
      const [head, tail] = before.split("BODY");
      await writeFile(file, `${head}${"x".repeat(FIFTY_MIB)}${tail}`);
    });

    it("skips a 50 MiB body over the default limit, with its size in the reason", async () => {
      const { items, error } = await collect(readHar(file, defaults));
      expect(error).to.equal(undefined);
      expect(items.map((i) => i.kind)).to.deep.equal(["exchange", "unreadable", "exchange"]);
      expect(reasonOf(items[1])).to.equal(
        "response body is 52,428,800 bytes, over the 33,554,432-byte limit (raise it with --max-body-bytes)",
      );
    });

    it("reads a 50 MiB body under a raised limit", async () => {
      const { items, error } = await collect(readHar(file, { maxBodyBytes: 64 * 1024 * 1024 }));
      expect(error).to.equal(undefined);
      expect(exchangeOf(items[1]).response.body.length).to.equal(FIFTY_MIB);
      expect(exchangeOf(items[1]).response.bodySize).to.equal(FIFTY_MIB);
    });

    it("stops keeping an entry whose text is far over the limit, and reads the entries after it", async () => {
      const { items, error } = await collect(readHar(file, { maxBodyBytes: 1024 * 1024 }));
      expect(error).to.equal(undefined);
      expect(items.map((i) => i.kind)).to.deep.equal(["exchange", "unreadable", "exchange"]);
      expect(reasonOf(items[1])).to.match(
        /^entry is 52,4\d\d,\d\d\d characters long, too long to hold a body within the 1,048,576-byte limit \(raise it with --max-body-bytes\)$/,
      );
    });
  });
});
