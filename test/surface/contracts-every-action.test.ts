process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { pactFilesIn, readPactFile } from "../../src/contracts/contract-file.js";
import {
  SURFACE_DIR,
  SURFACE_PRODUCTS,
  surfaceInteractionsOf,
} from "../../src/contracts/surface-interactions.js";
import { runVerifier } from "../../src/contracts/verifier-process.js";
import type { PactVerification } from "../../src/contracts/verify-contracts.js";
import { packageRoot } from "../../src/project-paths.js";

const SURFACE = path.join(packageRoot, "contracts", SURFACE_DIR);

/**
 * Every per-action interaction of contracts/surface/ verified against the built-in sandbox (npm run
 * test:surface; npm test verifies a sample: test/contracts/surface.test.ts).
 */
describe("contracts: per-action pacts (contracts/surface/)", () => {
  describe("verified against the built-in sandbox (every interaction; `contracts verify --contracts contracts/surface`)", () => {
    let dir: string;
    let results: PactVerification[];
    before(async function () {
      this.timeout(180_000);
      dir = mkdtempSync(path.join(tmpdir(), "contracts-surface-"));
      const pacts = pactFilesIn(SURFACE).map(readPactFile);
      results = (await runVerifier(pacts, undefined, path.join(dir, "pact-verifier.log"))).results;
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const product of SURFACE_PRODUCTS)
      it(`${product.provider}: every action's interaction verifies`, () => {
        const pact = results.find((r) => r.provider === product.provider);
        expect(pact, `no verification of ${product.provider}`).not.to.equal(undefined);
        const failed = (pact?.interactions ?? [])
          .filter((i) => !i.passed)
          .map((i) => `${i.description}: ${i.message}`);
        expect(failed, `failed interactions of ${pact?.file}:\n${failed.join("\n")}`).to.deep.equal([]);
        expect(pact?.interactions.length).to.equal(surfaceInteractionsOf(product.provider).length);
      });
  });
});
