import { readFile } from "node:fs/promises";
import { expect } from "chai";
import { renderRuleDocs, ruleDocsFile } from "../../scripts/rule-docs.js";

describe("docs/rules.md", () => {
  it("is current with the rule modules: run `npm run gen:docs` when this fails", async () => {
    expect(await readFile(ruleDocsFile, "utf8")).to.equal(renderRuleDocs());
  });
});
