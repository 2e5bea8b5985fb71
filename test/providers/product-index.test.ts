import { readFile } from "node:fs/promises";
import { expect } from "chai";
import {
  productIndexFile,
  renderProductIndex,
  renderSandboxIndex,
  sandboxIndexFile,
} from "../../scripts/provider-index.js";

describe("generated provider indexes (src/providers/generated): run `npm run gen:providers` when these fail", () => {
  it("product-index.ts lists every src/providers/DIALECT/PRODUCT/product.ts", async () => {
    expect(await readFile(productIndexFile, "utf8")).to.equal(renderProductIndex());
  });

  it("sandbox-index.ts lists every product's sandbox.ts", async () => {
    expect(await readFile(sandboxIndexFile, "utf8")).to.equal(renderSandboxIndex());
  });
});
