import { expect } from "chai";
import { parseSelection } from "../../src/cli/selection-options.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { describeSelection, isSelected } from "../../src/engine/selection.js";
import { LIVE_PRODUCTS } from "../../src/live/select-calls.js";
import { PRODUCTS, productsOf } from "../../src/providers/registry.js";

function messageOf(flags: { dialect?: string[]; product?: string[] }): string {
  try {
    parseSelection(flags, LIVE_PRODUCTS);
  } catch (error) {
    expect(error).to.be.instanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(flags)} was accepted`);
}

describe("--dialect and --product", () => {
  it("an unknown product of a live run is a usage error naming the known ones", () => {
    expect(messageOf({ product: ["xyz"] })).to.equal(
      `--product xyz: unknown product; known: ${PRODUCTS.map((p) => `${p.id} (${p.dialect})`).join(", ")}`,
    );
  });

  it("a product outside the selected dialects is a usage error, not an empty run", () => {
    expect(messageOf({ dialect: ["alibaba"], product: ["cvm"] })).to.equal(
      `--product cvm is a tencent product, but --dialect alibaba leaves tencent out (products of the selected dialects: ${productsOf(
        "alibaba",
      )
        .map((p) => `${p.id} (alibaba)`)
        .join(", ")})`,
    );
    expect(messageOf({ dialect: ["tencent,zenlayer"], product: ["kms"] })).to.match(/leaves alibaba out/);
  });

  it("an unknown dialect is a usage error", () => {
    expect(messageOf({ dialect: ["tencnet"] })).to.equal(
      "--dialect tencnet: expected tencent, alibaba, zenlayer",
    );
  });

  it("repeated or comma-separated values, once each; without a product list any product is accepted", () => {
    expect(
      parseSelection({ dialect: ["alibaba,tencent", "alibaba"], product: ["kms"] }, LIVE_PRODUCTS),
    ).to.deep.equal({
      dialects: ["alibaba", "tencent"],
      products: ["kms"],
    });
    expect(parseSelection({ product: ["cbs"] })).to.deep.equal({ dialects: undefined, products: ["cbs"] });
    expect(parseSelection({})).to.deep.equal({ dialects: undefined, products: undefined });
  });

  it("selects exchanges by dialect and product, and says what it left out", () => {
    const selection = { dialects: ["tencent"] as const, products: ["cvm"] };
    expect(isSelected(selection, "tencent", "cvm")).to.equal(true);
    expect(isSelected(selection, "tencent", "cbs")).to.equal(false);
    expect(isSelected(selection, "alibaba", "cvm")).to.equal(false);
    expect(isSelected(undefined, "alibaba", "kms")).to.equal(true);
    expect(describeSelection(selection)).to.equal("--dialect tencent --product cvm");
  });
});
