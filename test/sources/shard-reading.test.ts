import path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import { InputError, type SourceItem } from "../../src/model/exchange.js";
import type { Shard } from "../../src/model/shard.js";
import { EntryOrdinals } from "../../src/sources/entry-ordinals.js";
import { harItems, readHar } from "../../src/sources/har-reader.js";
import { ndjsonItems, readNdjson } from "../../src/sources/ndjson-reader.js";
import { DEFAULT_MAX_BODY_BYTES, type ReaderOptions } from "../../src/sources/reader-options.js";
import { collect, harEntry, harText, makeTempDir, reasonOf, writeFixture } from "./source-fixtures.js";

/** What one run of the readers gives: every item yielded, and each whole-file problem (by file). */
interface RunReading {
  items: SourceItem[];
  errors: string[];
}

/** One input of a run: a file name, its format, and how to read it. */
interface RunInput {
  file: string;
  format: "har" | "ndjson";
  /** The text, read from memory in chunks; without it the file is read from disk. */
  text?: string;
}

function chunksOf(text: string, size: number): AsyncIterable<string> {
  return (async function* () {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  })();
}

/**
 * Reads the inputs as check-recordings.ts does: one file after another, one EntryOrdinals for the run when
 * sharded, a whole-file problem recorded and the next file read.
 */
async function readRun(
  inputs: readonly RunInput[],
  shard: Shard | undefined,
  { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, chunkSize = 7 } = {},
): Promise<RunReading> {
  const options: ReaderOptions = { maxBodyBytes, ordinals: shard && new EntryOrdinals(shard) };
  const reading: RunReading = { items: [], errors: [] };
  for (const { file, format, text } of inputs) {
    const items =
      text === undefined
        ? (format === "har" ? readHar : readNdjson)(file, options)
        : (format === "har" ? harItems : ndjsonItems)(file, chunksOf(text, chunkSize), options);
    const { items: read, error } = await collect(items);
    reading.items.push(...read);
    if (error !== undefined) {
      if (!(error instanceof InputError)) throw error;
      reading.errors.push(error.message);
    }
  }
  return reading;
}

/**
 * The sharding contract, against the unsharded reading of the same inputs: shard i/n yields exactly the
 * items at positions ≡ i-1 (mod n) of the unsharded reading (the position of an item there is its ordinal),
 * and meets the same whole-file problems. So the n shards' items are disjoint and their union is the
 * unsharded reading.
 */
async function expectShardsPartition(
  inputs: readonly RunInput[],
  total: number,
  options: { maxBodyBytes?: number; chunkSize?: number } = {},
): Promise<void> {
  const whole = await readRun(inputs, undefined, options);
  const union: SourceItem[] = [];
  for (let index = 1; index <= total; index++) {
    const part = await readRun(inputs, { index, total }, options);
    expect(part.items, `shard ${index}/${total}`).to.deep.equal(
      whole.items.filter((_, ordinal) => ordinal % total === index - 1),
    );
    expect(part.errors, `shard ${index}/${total}`).to.deep.equal(whole.errors);
    union.push(...part.items);
  }
  expect(union).to.have.length(whole.items.length);
}

/** Calls `body` with JSON.parse watched; returns the texts it was given. */
async function parsedTexts(body: () => Promise<void>): Promise<string[]> {
  const parse = JSON.parse;
  const texts: string[] = [];
  JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    texts.push(String(text));
    return parse(text, reviver);
  }) as typeof JSON.parse;
  try {
    await body();
  } finally {
    JSON.parse = parse;
  }
  return texts;
}

function sourceOf(item: SourceItem): { file: string; index: number | undefined } {
  const source = item.kind === "exchange" ? item.exchange.source : item.source;
  return { file: String(source.file), index: source.index };
}

const HAR_HEAD = '{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[';
const HAR_TAIL = '],"comment":"after"}}';

/** A HAR text whose entries are given as raw JSON texts (so that an entry can be malformed inside). */
function rawHar(entries: readonly string[]): string {
  return `${HAR_HEAD}${entries.join(",")}${HAR_TAIL}`;
}

const good = (id: string) => JSON.stringify(harEntry(`{"Response":{"RequestId":"${id}"}}`));
/** Valid HAR grammar, but JSON.parse refuses it: a bad escape inside a string. */
const badEscape = (marker: string) => `{"request":"${marker} \\x"}`;

const goodLine = (id: string) =>
  JSON.stringify({
    request: { method: "POST", url: "https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys" },
    response: { status: 200, body: `{"RequestId":"${id}"}` },
  });

describe("reading one shard (--shard i/n): entries of other shards are counted, not read", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it("HAR: an entry another shard owns is not parsed: its damage shows in its owner's reading only", async () => {
    // Ordinals 0..3; with 2 shards, 1/2 owns entries 0 and 2, 2/2 owns 1 and 3.
    const file = await writeFixture(
      dir,
      "a.har",
      rawHar([good("r0"), badEscape("OWNED-BY-2"), "5", good("r3")]),
    );
    const inputs: RunInput[] = [{ file, format: "har" }];
    let first: RunReading | undefined;
    const parsedByFirst = await parsedTexts(async () => {
      first = await readRun(inputs, { index: 1, total: 2 });
    });
    expect(first?.items.map(sourceOf)).to.deep.equal([
      { file, index: 0 },
      { file, index: 2 },
    ]);
    expect(reasonOf(first?.items[1])).to.equal("entry is not an object");
    expect(parsedByFirst.filter((text) => text.includes("OWNED-BY-2") || text.includes("r3"))).to.deep.equal(
      [],
    );
    expect(parsedByFirst.filter((text) => text.startsWith("{") && text.includes('"request"'))).to.have.length(
      1,
    );

    const second = await readRun(inputs, { index: 2, total: 2 });
    expect(second.items.map(sourceOf)).to.deep.equal([
      { file, index: 1 },
      { file, index: 3 },
    ]);
    expect(reasonOf(second.items[0])).to.match(
      /^entry is not valid JSON: .* \(the entry starts at character \d+\)$/,
    );
    expect(second.items[1]?.kind).to.equal("exchange");
  });

  it("NDJSON: a line another shard owns is neither parsed nor validated; blank lines take no ordinal", async () => {
    // Lines: 0 good, 1 blank, 2 not JSON, 3 whitespace, 4 not matching the schema, 5 good (CRLF).
    // Entries (ordinals): line 0 → 0, line 2 → 1, line 4 → 2, line 5 → 3.
    const text = [
      goodLine("l0"),
      "",
      "not json OWNED-BY-2",
      "  \t",
      '{"request":"OWNED-BY-1"}',
      `${goodLine("l5")}\r`,
    ].join("\n");
    const file = await writeFixture(dir, "b.ndjson", text);
    const inputs: RunInput[] = [{ file, format: "ndjson" }];
    let first: RunReading | undefined;
    const parsedByFirst = await parsedTexts(async () => {
      first = await readRun(inputs, { index: 1, total: 2 });
    });
    expect(first?.items.map(sourceOf)).to.deep.equal([
      { file, index: 0 },
      { file, index: 4 },
    ]);
    expect(reasonOf(first?.items[1])).to.include("/request must be object");
    expect(parsedByFirst.filter((t) => t.includes("OWNED-BY-2") || t.includes("l5"))).to.deep.equal([]);

    let second: RunReading | undefined;
    const parsedBySecond = await parsedTexts(async () => {
      second = await readRun(inputs, { index: 2, total: 2 });
    });
    expect(second?.items.map(sourceOf)).to.deep.equal([
      { file, index: 2 },
      { file, index: 5 },
    ]);
    expect(reasonOf(second?.items[0])).to.match(/^line is not valid JSON: /);
    expect(parsedBySecond.filter((t) => t.includes("OWNED-BY-1") || t.includes("l0"))).to.deep.equal([]);
  });

  it("an entry too long to keep is one entry of one shard, HAR or NDJSON", async () => {
    const maxBodyBytes = 64;
    const long = "x".repeat(1024 * 1024 + 1000);
    const har = await writeFixture(dir, "long.har", rawHar([good("a"), `{"body":"${long}"}`, good("b")]));
    const ndjson = await writeFixture(
      dir,
      "long.ndjson",
      [goodLine("c"), `"${long}"`, goodLine("d")].join("\n"),
    );
    const inputs: RunInput[] = [
      { file: har, format: "har" },
      { file: ndjson, format: "ndjson" },
    ];
    // Ordinals: har 0, 1 (long), 2; ndjson 3, 4 (long), 5.
    const owner = await readRun(inputs, { index: 2, total: 3 }, { maxBodyBytes });
    expect(owner.items.map(sourceOf)).to.deep.equal([
      { file: har, index: 1 },
      { file: ndjson, index: 1 },
    ]);
    expect(reasonOf(owner.items[0])).to.match(/^entry is 1,049,58\d characters long/);
    expect(reasonOf(owner.items[1])).to.match(/^line is longer than/);
    for (const index of [1, 3]) {
      const other = await readRun(inputs, { index, total: 3 }, { maxBodyBytes });
      expect(other.items.every((item) => item.kind === "exchange")).to.equal(true);
    }
    await expectShardsPartition(inputs, 3, { maxBodyBytes, chunkSize: 64 * 1024 });
  });

  it("counts across files: a missing file, a HAR cut off mid-entry, a HAR with a syntax error take no ordinal for what was not read", async () => {
    const inputs: RunInput[] = [
      {
        file: await writeFixture(dir, "one.har", rawHar([good("1a"), badEscape("1b"), good("1c")])),
        format: "har",
      },
      { file: path.join(dir, "missing.har"), format: "har" },
      {
        // Cut off inside entry 3: entries 0–2 are entries of the run, entry 3 is not (it never ends).
        file: await writeFixture(
          dir,
          "cut.har",
          rawHar([good("2a"), "null", good("2c"), good("2d")]).slice(0, -40),
        ),
        format: "har",
      },
      {
        // A comma missing after entry 1: found at the start of entry 2, which never begins.
        file: await writeFixture(
          dir,
          "syntax.har",
          `${HAR_HEAD}${good("3a")},${good("3b")} ${good("3c")}${HAR_TAIL}`,
        ),
        format: "har",
      },
      { file: path.join(dir, "missing.ndjson"), format: "ndjson" },
      {
        file: await writeFixture(
          dir,
          "two.ndjson",
          `\uFEFF${goodLine("4a")}\n\nnot json\n${goodLine("4d")}\n`,
        ),
        format: "ndjson",
      },
      { file: await writeFixture(dir, "empty.har", " \n"), format: "har" },
      { file: await writeFixture(dir, "last.har", harText([harEntry(), "x", harEntry()])), format: "har" },
    ];
    const whole = await readRun(inputs, undefined);
    expect(
      whole.items.map(sourceOf).map(({ file, index }) => `${path.basename(file)}#${index}`),
    ).to.deep.equal([
      "one.har#0",
      "one.har#1",
      "one.har#2",
      "cut.har#0",
      "cut.har#1",
      "cut.har#2",
      "syntax.har#0",
      "syntax.har#1",
      "two.ndjson#0",
      "two.ndjson#2",
      "two.ndjson#3",
      "last.har#0",
      "last.har#1",
      "last.har#2",
    ]);
    expect(whole.errors).to.have.length(5);
    expect(whole.errors[0]).to.match(/missing\.har: cannot read: ENOENT/);
    expect(whole.errors[1]).to.match(/cut\.har.*truncated: the file ends inside entry 3 of log\.entries/);
    expect(whole.errors[2]).to.match(/syntax\.har.*syntax error at character/);
    for (const total of [1, 2, 3, 4, 5, 13, 14]) await expectShardsPartition(inputs, total);
  });

  describe("property: the shards partition the unsharded reading", () => {
    const harEntryText = fc.oneof(
      fc
        .string({ maxLength: 6 })
        .map((id) => JSON.stringify(harEntry(JSON.stringify({ Response: { RequestId: id } })))),
      fc.constant(badEscape("bad")),
      fc.constantFrom("5", '"s"', "null", "[]", "{}", '{"request":{}}', '{"response":{"status":"200"}}'),
      fc.constant(JSON.stringify(harEntry("", { response: { status: 0 } }))),
    );
    const harFile = fc
      .tuple(fc.array(harEntryText, { maxLength: 8 }), fc.option(fc.nat(), { nil: undefined }))
      .map(([entries, cut]) => {
        const text = rawHar(entries);
        // Sometimes cut short anywhere, or broken with a stray character.
        if (cut === undefined) return text;
        return cut % 3 === 0 ? `${text.slice(0, cut % text.length)}]` : text.slice(0, cut % text.length);
      });
    const ndjsonLine = fc.oneof(
      fc.string({ maxLength: 6 }).map((id) => goodLine(id)),
      fc.constantFrom("", "  ", "\r", "not json", "{", '{"request":1}', "[]", "null", "\uFEFF"),
    );
    const ndjsonFile = fc
      .tuple(fc.array(ndjsonLine, { maxLength: 8 }), fc.boolean())
      .map(([lines, crlf]) => lines.join(crlf ? "\r\n" : "\n"));
    const input = fc.oneof(
      harFile.map((text) => ({ format: "har" as const, text })),
      ndjsonFile.map((text) => ({ format: "ndjson" as const, text })),
    );

    it("for any files, any damage, any chunking and any number of shards", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(input, { maxLength: 5 }),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 40 }),
          async (files, total, chunkSize) => {
            const inputs = files.map((f, i) => ({ ...f, file: `f${i}.${f.format}` }));
            await expectShardsPartition(inputs, total, { chunkSize });
          },
        ),
        { numRuns: 150, seed: 20240601 },
      );
    });
  });
});
