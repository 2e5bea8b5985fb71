import { expect } from "chai";
import type { FailureKind } from "../../src/providers/failure-kind.js";
import { failureAnswer, PRODUCTS } from "../../src/providers/registry.js";
import { CodeTables } from "../../src/schemas/code-tables.js";

const KINDS: FailureKind[] = [
  "bad-method",
  "invalid-authorization",
  "unknown-key",
  "expired",
  "bad-signature",
  "throttled",
  "unknown-version",
  "unknown-action",
  "missing-parameter",
  "unknown-parameter",
  "invalid-parameter",
  "malformed-body",
  "unknown-region",
  "dry-run",
  "resource-not-found",
  "internal",
];

function statusAgrees(documented: number | string | null, status: number): boolean {
  if (documented === null) return true;
  if (typeof documented === "number") return documented === status;
  return documented.charAt(0) === String(status).charAt(0);
}

describe("product definitions (src/providers/DIALECT/PRODUCT/product.ts)", () => {
  let codes: CodeTables;
  before(async () => {
    codes = await CodeTables.load();
  });

  it("name each product once, by dialect and id, and by service", () => {
    const ids = PRODUCTS.map((p) => `${p.dialect}/${p.id}`);
    expect(new Set(ids).size).to.equal(ids.length);
    const services = PRODUCTS.map((p) => `${p.dialect}/${p.service}`);
    expect(new Set(services).size).to.equal(services.length);
  });

  for (const product of PRODUCTS) {
    const name = `${product.dialect}/${product.id}`;

    it(`${name}: answers every kind of bad request with a code its code tables give the same status`, () => {
      for (const kind of KINDS) {
        const answer = failureAnswer(product, kind);
        const found = codes.lookup(product.dialect, product.id, answer.code);
        if (!found) continue;
        // Tencent's table gives no status: every Tencent error comes with 200 (provider-facts.md §1).
        expect(
          statusAgrees(found.entry.status, answer.status),
          `${name} ${kind}: ${answer.code} answered with ${answer.status}, ${found.table.product} table says ${found.entry.status}`,
        ).to.equal(true);
      }
    });

    it(`${name}: probes name unique names and one of its own calls`, () => {
      const actions = new Set(product.calls.map((c) => c.action));
      for (const probe of product.probes) {
        expect(actions.has(probe.base), `${name} probe ${probe.name}: no call ${probe.base}`).to.equal(true);
      }
      const dialectProbes = PRODUCTS.filter((p) => p.dialect === product.dialect).flatMap((p) =>
        p.probes.map((probe) => probe.name),
      );
      expect(new Set(dialectProbes).size, `${product.dialect} probe names`).to.equal(dialectProbes.length);
    });

    it(`${name}: calls that use an earlier answer name a call of the product`, () => {
      for (const call of product.calls) {
        if (!call.uses) continue;
        expect(product.calls.some((c) => c.action === call.uses?.action)).to.equal(true);
      }
    });
  }
});
