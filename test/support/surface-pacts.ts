import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { pactFilesIn, readPactFile } from "../../src/contracts/contract-file.js";
import { SURFACE_DIR, SURFACE_PRODUCTS } from "../../src/contracts/surface-interactions.js";
import { runVerifier } from "../../src/contracts/verifier-process.js";
import type { PactVerification } from "../../src/contracts/verify-contracts.js";
import { packageRoot } from "../../src/project-paths.js";

/** The per-action pacts (docs/contracts.md, "Per-action contracts"). */
export const SURFACE_PACTS = path.join(packageRoot, "contracts", SURFACE_DIR);

/**
 * Verifies every interaction of the per-action pacts against the built-in sandbox with Pact's Verifier
 * (what `contracts verify --contracts contracts/surface` does), one test per pact whose failure lists each
 * failed interaction.
 */
export function describeSurfaceVerification(): void {
  describe("verified against the built-in sandbox (`contracts verify --contracts contracts/surface`)", () => {
    let dir: string;
    let results: PactVerification[];
    const verified = new Map<string, string[]>();
    before(async function () {
      this.timeout(180_000);
      dir = mkdtempSync(path.join(tmpdir(), "contracts-surface-"));
      const pacts = pactFilesIn(SURFACE_PACTS).map(readPactFile);
      for (const pact of pacts)
        verified.set(
          pact.provider,
          pact.interactions.map((i) => i.description),
        );
      results = (await runVerifier(pacts, undefined, path.join(dir, "pact-verifier.log"))).results;
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const product of SURFACE_PRODUCTS)
      it(`${product.provider}: every interaction verifies`, () => {
        const pact = results.find((r) => r.provider === product.provider);
        expect(pact, `no verification of ${product.provider}`).not.to.equal(undefined);
        const failed = (pact?.interactions ?? [])
          .filter((i) => !i.passed)
          .map((i) => `${i.description}: ${i.message}`);
        expect(failed, `failed interactions of ${product.provider}:\n${failed.join("\n")}`).to.deep.equal([]);
        expect(pact?.interactions.map((i) => i.description)).to.deep.equal(verified.get(product.provider));
      });
  });
}
