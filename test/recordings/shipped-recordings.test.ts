import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { renderRecordings } from "../../scripts/make-recordings.js";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir, schemasDir } from "../../src/project-paths.js";
import { DIALECTS } from "../../src/providers/dialect.js";
import { PRODUCTS } from "../../src/providers/registry.js";
import { readHar } from "../../src/sources/har-reader.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { sharedEngine } from "../support/shared-engine.js";

/** The actions of the hand-written schemas (DIALECT/actions/PRODUCT/ACTION.schema.json). */
async function handWrittenActionSchemas(): Promise<string[]> {
  const found: string[] = [];
  for (const dialect of DIALECTS) {
    const dir = path.join(schemasDir, dialect, "actions");
    for (const product of await readdir(dir)) {
      for (const file of await readdir(path.join(dir, product)))
        if (file.endsWith(".schema.json"))
          found.push(`${dialect}/${product}/${file.replace(".schema.json", "")}`);
    }
  }
  return found;
}

describe("recordings/ (the shipped corpus)", () => {
  let report: ConformanceReport;
  let outcomes: { dialect: string; product: string; action: string; format: string; outcome: string }[];

  before(async () => {
    const engine = await sharedEngine();
    report = await checkRecordings([recordingsDir], engine, { maxBodyBytes: 1 << 20 });
    // Every exchange, not only those with findings: re-run each through the engine to learn its identity.
    const { checkExchange } = await import("../../src/engine/check-exchange.js");
    outcomes = [];
    for (const file of (await readdir(recordingsDir)).filter((f) => f.endsWith(".har"))) {
      for await (const item of readHar(path.join(recordingsDir, file), { maxBodyBytes: 1 << 20 })) {
        if (item.kind !== "exchange") continue;
        const verdict = checkExchange(item.exchange, engine);
        if (verdict.kind === "checked") outcomes.push(verdict.result);
      }
    }
  });

  it("is conformant: no finding at all, not even a warning", () => {
    expect(report.inputErrors).to.deep.equal([]);
    expect(report.skipped).to.deep.equal([]);
    expect(report.results).to.deep.equal([]);
  });

  it("has success and error exchanges for every dialect and product, and Alibaba in JSON and XML", () => {
    const kinds = new Set(outcomes.map((o) => `${o.dialect}/${o.product}/${o.format}/${o.outcome}`));
    for (const product of PRODUCTS)
      for (const format of product.dialect === "alibaba" ? ["json", "xml"] : ["json"])
        for (const outcome of ["success", "error"]) {
          const kind = `${product.dialect}/${product.id}/${format}/${outcome}`;
          expect(kinds, kind).to.include(kind);
        }
  });

  it("answers every action that has a hand-written schema with a success", async () => {
    const succeeded = new Set(
      outcomes.filter((o) => o.outcome === "success").map((o) => `${o.dialect}/${o.product}/${o.action}`),
    );
    for (const action of await handWrittenActionSchemas()) expect(succeeded, action).to.include(action);
  });

  it("is current with the products' recordings.ts (run `npm run recordings` when this fails)", async () => {
    const rendered = await renderRecordings();
    expect([...rendered.keys()].sort()).to.deep.equal(PRODUCTS.map((p) => `${p.dialect}-${p.id}.har`).sort());
    for (const [name, text] of rendered)
      expect(await readFile(path.join(recordingsDir, name), "utf8"), name).to.equal(text);
  });

  it("carries no credentials: signatures, key ids and secrets are redacted", async () => {
    for (const file of (await readdir(recordingsDir)).filter((f) => f.endsWith(".har"))) {
      const text = await readFile(path.join(recordingsDir, file), "utf8");
      for (const match of text.matchAll(/(Signature|AccessKeyId|Credential|Plaintext)=([^&",\s/]+)/g)) {
        expect(decodeURIComponent(match[2] as string), `${file}: ${match[0]}`).to.equal("[REDACTED]");
      }
    }
  });
});
