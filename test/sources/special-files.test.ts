import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { expect } from "chai";
import { InputError } from "../../src/model/exchange.js";
import { discoverInputs } from "../../src/sources/discover-inputs.js";
import { readNdjson } from "../../src/sources/ndjson-reader.js";
import { readInputs } from "../../src/sources/read-inputs.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/sources/reader-options.js";
import { collect, exchangeOf, harEntry, harText, makeTempDir } from "./source-fixtures.js";
import { hasOpen, makeFifo, onLinux, releaseFifo, until, within } from "./special-files.js";

const defaults = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES };

function ndjsonLine(body: string): string {
  return JSON.stringify({ request: { method: "GET", url: "u" }, response: { status: 200, body } });
}

describe("FIFOs, pipes and devices", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let fifo: string;
  before(function () {
    if (!onLinux) this.skip(); // mkfifo, /dev/zero and /proc/self/fd
  });
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    fifo = makeFifo(path.join(dir, "recording"));
  });
  afterEach(async () => {
    await releaseFifo(fifo);
    await cleanup();
  });

  it("discovery lists a FIFO named on the command line without opening it (that would wait for a writer)", async () => {
    const named = makeFifo(path.join(dir, "named.ndjson"));
    try {
      const found = await within(discoverInputs([fifo, named]), 5000, "discovery of two FIFOs");
      expect(found).to.deep.equal([
        { file: fifo, format: "sniff" },
        { file: named, format: "ndjson" },
      ]);
    } finally {
      await releaseFifo(named);
    }
  });

  it("reads a FIFO as its writer writes, the format decided from what arrives (here HAR)", async () => {
    const reading = collect(readInputs([{ file: fifo, format: "sniff" }], defaults));
    const writer = createWriteStream(fifo); // opening waits for the reader
    writer.on("error", () => {}); // a failing reader is what the assertions report
    writer.end(harText([harEntry("first"), harEntry("second")], 2));
    const { items, error } = await within(reading, 10_000, "reading the FIFO");
    expect(error).to.equal(undefined);
    expect(items.map((i) => exchangeOf(i).response.body)).to.deep.equal(["first", "second"]);
  });

  it("reads NDJSON that arrives a line at a time, once the first 4 KB have decided the format", async () => {
    const reading = readInputs([{ file: fifo, format: "sniff" }], defaults)[Symbol.asyncIterator]();
    const next = async (what: string) => {
      const result = await within(reading.next(), 10_000, what);
      return result.done ? undefined : result.value;
    };
    const writer = createWriteStream(fifo);
    writer.on("error", () => {});
    // Without a .ndjson name the first 4 KB decide (as for a file): this line is longer than that.
    writer.write(`\n${ndjsonLine("x".repeat(5000))}\n`);
    expect(exchangeOf(await next("the first line")).source.index).to.equal(1);
    // The writer is still there: the next line is read when it comes, not when the writer closes.
    writer.write(`${ndjsonLine("two")}\n`);
    expect(exchangeOf(await next("the second line")).response.body).to.equal("two");
    writer.end();
    expect(await next("the end")).to.equal(undefined);
  });

  it("a FIFO without a writer: aborting (Ctrl-C) ends the read at once, quietly, with nothing read", async () => {
    const controller = new AbortController();
    const reading = collect(
      readInputs([{ file: fifo, format: "ndjson" }], { ...defaults, signal: controller.signal }),
    );
    // The reader has opened the FIFO and waits for a writer: it must not be stuck inside open().
    await until(() => hasOpen("self", fifo), 5000, "the reader opening the FIFO");
    controller.abort();
    const { items, error } = await within(reading, 5000, "the read after the abort");
    expect(items).to.deep.equal([]);
    expect(error).to.equal(undefined);
    expect(await hasOpen("self", fifo), "the FIFO is closed").to.equal(false);
  });

  it("/dev/zero: its endless first line is reported as soon as it crosses the limit; aborting ends the read", async () => {
    const controller = new AbortController();
    const items = readNdjson("/dev/zero", { maxBodyBytes: 1000, signal: controller.signal });
    const first = await within(items.next(), 10_000, "the first item of /dev/zero");
    expect(first.value).to.deep.equal({
      kind: "unreadable",
      source: { file: "/dev/zero", index: 0 },
      reason:
        "line is longer than 1,050,576 characters, too long to hold a body within the 1,000-byte limit " +
        "(raise it with --max-body-bytes); it was skipped up to its end",
    });
    controller.abort();
    expect((await within(items.next(), 5000, "the end after the abort")).done).to.equal(true);
  });

  describe("a socket", () => {
    let server: Server;
    let socket: string;
    beforeEach(async () => {
      socket = path.join(dir, "socket.ndjson");
      server = createServer().listen(socket);
      await once(server, "listening");
    });
    afterEach(async () => {
      server.close();
      await once(server, "close");
    });

    it("is refused by its reader, and by discovery", async () => {
      const { error } = await collect(readNdjson(socket, defaults));
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).message).to.equal(`${socket}: cannot read: a socket, not a file`);
      const errors: string[] = [];
      await discoverInputs([socket], { onInputError: (e) => errors.push(e.message) });
      expect(errors).to.deep.equal([`${socket}: cannot read: a socket, not a file`]);
    });
  });
});
