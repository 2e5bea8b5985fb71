import { chmod, mkdir, symlink } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import type { InputError } from "../../src/model/exchange.js";
import { discoverInputs } from "../../src/sources/discover-inputs.js";
import { inputErrorOf } from "../support/input-error-of.js";
import { makeTempDir, writeFixture } from "./source-fixtures.js";
import { makeFifo, releaseFifo, within } from "./special-files.js";

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

  describe("each file once, however it is named (its real path is its identity)", () => {
    let har: string;
    let other: string;
    beforeEach(async () => {
      await mkdir(path.join(dir, "recordings"));
      har = await writeFixture(dir, "recordings/a.har", "{}");
      other = await writeFixture(dir, "recordings/b.ndjson", "");
    });

    it("the same path twice", async () => {
      expect(await discoverInputs([har, har])).to.deep.equal([{ file: har, format: "har" }]);
    });

    it("`./x` and `x`, and a path through `..`, under the name given first", async () => {
      const relative = path.relative(process.cwd(), har);
      const dotted = `.${path.sep}${relative}`;
      const roundabout = path.join(dir, "recordings", "..", "recordings", "a.har");
      expect(await discoverInputs([relative, dotted, roundabout, har])).to.deep.equal([
        { file: relative, format: "har" },
      ]);
      expect(await discoverInputs([dotted, relative])).to.deep.equal([{ file: dotted, format: "har" }]);
    });

    it("a folder and a file it holds, in either order", async () => {
      const folder = path.join(dir, "recordings");
      expect(await discoverInputs([folder, har])).to.deep.equal([
        { file: har, format: "har" },
        { file: other, format: "ndjson" },
      ]);
      expect(await discoverInputs([har, folder])).to.deep.equal([
        { file: har, format: "har" },
        { file: other, format: "ndjson" },
      ]);
    });

    it("a symbolic link to a file, and the file", async () => {
      const link = path.join(dir, "link.har");
      await symlink(har, link);
      expect(await discoverInputs([link, har])).to.deep.equal([{ file: link, format: "har" }]);
      expect(await discoverInputs([har, link])).to.deep.equal([{ file: har, format: "har" }]);
    });

    it("a symbolic link to a folder, and the folder (or a file in it)", async () => {
      const folder = path.join(dir, "recordings");
      const linked = path.join(dir, "linked");
      await symlink(folder, linked);
      expect(await discoverInputs([linked, folder, har])).to.deep.equal([
        { file: path.join(linked, "a.har"), format: "har" },
        { file: path.join(linked, "b.ndjson"), format: "ndjson" },
      ]);
    });

    it("a symbolic link inside a folder to a file also named directly", async () => {
      await mkdir(path.join(dir, "more"));
      const link = path.join(dir, "more", "again.har");
      await symlink(har, link);
      expect(await discoverInputs([har, path.join(dir, "more")])).to.deep.equal([
        { file: har, format: "har" },
      ]);
    });

    it("distinct files with the same name in different folders are both read", async () => {
      await mkdir(path.join(dir, "copy"));
      const copy = await writeFixture(dir, "copy/a.har", "{}");
      expect(await discoverInputs([har, copy])).to.deep.equal([
        { file: har, format: "har" },
        { file: copy, format: "har" },
      ]);
    });
  });

  describe("paths in a folder that cannot be read are named, and everything else is found", () => {
    const asRoot = process.getuid?.() === 0;

    it("a broken symbolic link, a symbolic link loop, a FIFO (not opened): each named, the rest found", async function () {
      if (process.platform === "win32") this.skip(); // symbolic links and mkfifo
      await mkdir(path.join(dir, "sub"));
      const a = await writeFixture(dir, "a.ndjson", "");
      const b = await writeFixture(dir, "sub/b.har", "{}");
      const c = await writeFixture(dir, "sub/c.jsonl", "");
      const broken = path.join(dir, "gone.har");
      await symlink(path.join(dir, "nowhere.har"), broken);
      const loop = path.join(dir, "sub", "loop.ndjson");
      await symlink(loop, loop);
      const fifo = makeFifo(path.join(dir, "pipe.ndjson"));
      await symlink("notes.txt", path.join(dir, "ignored-link")); // not a recording's name: not looked at
      try {
        const errors: InputError[] = [];
        const found = await within(
          discoverInputs([dir], { onInputError: (error) => errors.push(error) }),
          5000,
          "discovery of a folder holding a FIFO",
        );
        expect(found).to.deep.equal([
          { file: a, format: "ndjson" },
          { file: b, format: "har" },
          { file: c, format: "ndjson" },
        ]);
        expect(errors.map((e) => e.message)).to.deep.equal([
          `${broken}: cannot read: a broken symbolic link (what it points to does not exist)`,
          `${fifo}: not read: it is a FIFO (named pipe); only regular files are read from a folder (name it on the command line to read it)`,
          `${loop}: cannot read: ELOOP: too many symbolic links encountered`,
        ]);
      } finally {
        await releaseFifo(fifo);
      }
    });

    it("without onInputError, the first of them is thrown", async () => {
      await writeFixture(dir, "a.ndjson", "");
      const broken = path.join(dir, "b.ndjson");
      await symlink(path.join(dir, "nowhere"), broken);
      const error = await inputErrorOf(discoverInputs([dir]));
      expect(error.file).to.equal(broken);
    });

    it("a folder whose only recordings cannot be read is not also said to hold none", async () => {
      const broken = path.join(dir, "b.ndjson");
      await symlink(path.join(dir, "nowhere"), broken);
      const errors: InputError[] = [];
      expect(await discoverInputs([dir], { onInputError: (e) => errors.push(e) })).to.deep.equal([]);
      expect(errors.map((e) => e.file)).to.deep.equal([broken]);
    });

    it("a subfolder that cannot be listed (chmod 000)", async function () {
      if (asRoot) {
        // root reads any folder whatever its mode; test/cli/bad-input.test.ts runs this case as nobody.
        this.skip();
      }
      if (process.platform === "win32") this.skip();
      await mkdir(path.join(dir, "b-locked"));
      await mkdir(path.join(dir, "c"));
      await writeFixture(dir, "b-locked/hidden.ndjson", "");
      const a = await writeFixture(dir, "a.ndjson", "");
      const c = await writeFixture(dir, "c/c.har", "{}");
      await chmod(path.join(dir, "b-locked"), 0);
      try {
        const errors: InputError[] = [];
        const found = await discoverInputs([dir], { onInputError: (e) => errors.push(e) });
        expect(found).to.deep.equal([
          { file: a, format: "ndjson" },
          { file: c, format: "har" },
        ]);
        expect(errors.map((e) => e.message)).to.deep.equal([
          `${path.join(dir, "b-locked")}: cannot read: EACCES: permission denied`,
        ]);
      } finally {
        await chmod(path.join(dir, "b-locked"), 0o755);
      }
    });
  });

  describe("with onInputError", () => {
    it("reports a path it cannot use and goes on, still reading each file once across all paths", async () => {
      const har = await writeFixture(dir, "a.har", "{}");
      const missing = path.join(dir, "nope");
      await mkdir(path.join(dir, "empty"));
      const errors: InputError[] = [];
      const found = await discoverInputs([har, missing, path.join(dir, "empty"), dir, har], {
        onInputError: (error) => errors.push(error),
      });
      expect(found).to.deep.equal([{ file: har, format: "har" }]);
      expect(errors.map((e) => e.message)).to.deep.equal([
        `${missing}: no such file or folder`,
        `${path.join(dir, "empty")}: no .har, .ndjson or .jsonl files in folder`,
      ]);
    });
  });
});
