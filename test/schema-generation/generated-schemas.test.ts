import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import {
  generatedActionSchemas,
  hasCorpus,
  isGeneratedActionFile,
} from "../../scripts/schema-generation/action-schemas.js";
import { projectRoot, schemasDir } from "../../scripts/type-generation.js";

describe("generated action schemas (schemas/DIALECT/actions/PRODUCT/VERSION.actions.json)", () => {
  before(function () {
    if (!hasCorpus()) this.skip();
  });

  it("are current with the providers' descriptions in ../shared/corpus: run `npm run gen:schemas` when this fails", async () => {
    const wanted = generatedActionSchemas();
    const present = (await readdir(schemasDir, { recursive: true }))
      .map((name) => path.join(schemasDir, name))
      .filter(isGeneratedActionFile);
    const relative = (files: Iterable<string>) => [...files].map((f) => path.relative(projectRoot, f)).sort();
    expect(relative(present), "the files").to.deep.equal(relative(wanted.keys()));
    const stale: string[] = [];
    for (const [file, text] of wanted) if ((await readFile(file, "utf8")) !== text) stale.push(file);
    expect(relative(stale), "stale files").to.deep.equal([]);
  });
});
