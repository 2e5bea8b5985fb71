import path from "node:path";
import { expect } from "chai";
import { InputError } from "../../src/model/exchange.js";
import { readInputs } from "../../src/sources/read-inputs.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/sources/reader-options.js";
import { collect, exchangeOf, harEntry, harText, makeTempDir, writeFixture } from "./source-fixtures.js";

describe("readInputs", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it("reads each file with the reader of its format, file after file, and lets InputErrors through", async () => {
    const har = await writeFixture(dir, "a.har", harText([harEntry("har body")]));
    const ndjson = await writeFixture(
      dir,
      "b.ndjson",
      `${JSON.stringify({ request: { method: "GET", url: "u" }, response: { status: 200, body: "ndjson body" } })}\n`,
    );
    const missing = path.join(dir, "c.har");
    const files = [
      { file: har, format: "har" as const },
      { file: ndjson, format: "ndjson" as const },
      { file: missing, format: "har" as const },
    ];
    const { items, error } = await collect(readInputs(files, { maxBodyBytes: DEFAULT_MAX_BODY_BYTES }));
    expect(items.map((i) => [exchangeOf(i).source.file, exchangeOf(i).response.body])).to.deep.equal([
      [har, "har body"],
      [ndjson, "ndjson body"],
    ]);
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).file).to.equal(missing);
  });
});
