import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { InputError } from "../../src/model/exchange.js";
import { discoverInputs } from "../../src/sources/discover-inputs.js";
import { makeTempDir, writeFixture } from "./source-fixtures.js";

async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

describe("discoverInputs", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it("walks folders recursively in sorted order, taking .har, .ndjson and .jsonl files", async () => {
    await mkdir(path.join(dir, "b", "deeper"), { recursive: true });
    await mkdir(path.join(dir, "a"));
    for (const name of [
      "z.har",
      "b/deeper/x.jsonl",
      "b/y.ndjson",
      "a/w.HAR",
      "a/notes.txt",
      "b/readme.md",
      "c.json",
    ]) {
      await writeFixture(dir, name, "{}");
    }
    expect(await discoverInputs([dir])).to.deep.equal([
      { file: path.join(dir, "a", "w.HAR"), format: "har" },
      { file: path.join(dir, "b", "deeper", "x.jsonl"), format: "ndjson" },
      { file: path.join(dir, "b", "y.ndjson"), format: "ndjson" },
      { file: path.join(dir, "z.har"), format: "har" },
    ]);
  });

  it("keeps the order of the paths given and reads a file named twice once", async () => {
    const har = await writeFixture(dir, "one.har", "{}");
    const ndjson = await writeFixture(dir, "two.ndjson", "");
    expect(await discoverInputs([ndjson, har, dir])).to.deep.equal([
      { file: ndjson, format: "ndjson" },
      { file: har, format: "har" },
    ]);
  });

  it("sniffs the format of a file with another extension", async () => {
    const har = await writeFixture(dir, "capture.json", '\uFEFF\n  {\n  "log": {"entries": []}}');
    const ndjson = await writeFixture(dir, "capture.log", '{"request":{},"response":{}}\n');
    const alsoNdjson = await writeFixture(dir, "capture.txt", `${" ".repeat(5000)}{"log":{}}`);
    expect(await discoverInputs([har, ndjson, alsoNdjson])).to.deep.equal([
      { file: har, format: "har" },
      { file: ndjson, format: "ndjson" },
      { file: alsoNdjson, format: "ndjson" },
    ]);
  });

  it("rejects a folder without recordings", async () => {
    await writeFixture(dir, "notes.txt", "");
    const error = await inputErrorOf(discoverInputs([dir]));
    expect(error.file).to.equal(dir);
    expect(error.message).to.equal(`${dir}: no .har, .ndjson or .jsonl files in folder`);
  });

  it("rejects a path that does not exist", async () => {
    const missing = path.join(dir, "nope");
    const error = await inputErrorOf(discoverInputs([missing]));
    expect(error.file).to.equal(missing);
    expect(error.message).to.equal(`${missing}: no such file or folder`);
  });
});
