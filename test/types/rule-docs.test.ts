import { readFile } from "node:fs/promises";
import { expect } from "chai";
import {
  probeDocsFile,
  productDocsFile,
  renderProbeDocs,
  renderProductDocs,
} from "../../scripts/probe-docs.js";
import { renderRuleDocs, ruleDocsFile } from "../../scripts/rule-docs.js";

describe("generated docs: run `npm run gen:docs` when these fail", () => {
  it("docs/rules.md is current with the rule modules", async () => {
    expect(await readFile(ruleDocsFile, "utf8")).to.equal(renderRuleDocs());
  });

  it("docs/probes.md is current with the products' probes", async () => {
    expect(await readFile(probeDocsFile, "utf8")).to.equal(renderProbeDocs());
  });

  it("docs/products.md is current with the product registry", async () => {
    expect(await readFile(productDocsFile, "utf8")).to.equal(renderProductDocs());
  });
});
