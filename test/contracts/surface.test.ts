process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { pactFilesIn, readPactFile } from "../../src/contracts/contract-file.js";
import { MatchersV3 } from "../../src/contracts/load-pact.js";
import {
  SURFACE_DIR,
  SURFACE_PRODUCTS,
  surfaceInteractionsOf,
} from "../../src/contracts/surface-interactions.js";
import { runVerifier } from "../../src/contracts/verifier-process.js";
import type { PactVerification } from "../../src/contracts/verify-contracts.js";
import { DEFAULT_TIMEOUTS, sendRequest } from "../../src/live/http-exchange.js";
import { signedRequest } from "../../src/live/signed-request.js";
import { resolvePointer } from "../../src/model/json-pointer.js";
import { packageRoot } from "../../src/project-paths.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { dialectSpecs } from "../../src/providers/dialect-specs.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

const SURFACE = path.join(packageRoot, "contracts", SURFACE_DIR);
const REQUEST_ID = /^requestid$/i;
/** npm test verifies every SAMPLE_EVERY-th interaction of each per-action pact (docs/contracts.md). */
const SAMPLE_EVERY = 8;

/** Where `example` (a contract's example, cut to the required members) differs from `actual`. */
function differences(example: unknown, actual: unknown, where: string): string[] {
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [`${where}: expected an array, got ${JSON.stringify(actual)}`];
    return example.flatMap((item, i) => differences(item, actual[i], `${where}/${i}`));
  }
  if (example !== null && typeof example === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual))
      return [`${where}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(example).flatMap(([key, value]) =>
      // Request IDs are the contract's examples; the sandbox makes a new one for every answer.
      REQUEST_ID.test(key)
        ? []
        : differences(value, (actual as Record<string, unknown>)[key], `${where}/${key}`),
    );
  }
  return example === actual ? [] : [`${where}: ${JSON.stringify(example)} ≠ ${JSON.stringify(actual)}`];
}

describe("contracts: per-action pacts (contracts/surface/)", () => {
  describe("each example is the built-in sandbox's answer to the interaction's request", () => {
    let sandbox: RunningSandbox;
    before(async () => {
      sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS, rateLimit: null });
    });
    after(() => sandbox.close());

    for (const product of SURFACE_PRODUCTS)
      it(product.provider, async () => {
        const problems: string[] = [];
        for (const interaction of surfaceInteractionsOf(product.provider)) {
          const { call } = interaction;
          const request = signedRequest(
            call,
            new URL(sandbox.url),
            SANDBOX_CREDENTIALS,
            Math.floor(Date.now() / 1000),
          );
          const outcome = await sendRequest(request, { timeouts: DEFAULT_TIMEOUTS, maxBodyBytes: 1 << 22 });
          if (!outcome.ok || outcome.status !== 200) {
            problems.push(`${interaction.description}: ${outcome.ok ? outcome.body : outcome.message}`);
            continue;
          }
          const spec = dialectSpecs[call.dialect];
          const body = JSON.parse(outcome.body) as unknown;
          // Tencent answers errors with HTTP 200 and Response.RequestId: for the 44 CVM actions whose schema
          // requires nothing else, the contract cannot tell an error from a success (docs/contracts.md), so
          // the request must be one the sandbox answers with success.
          if (spec.classify(body, outcome.status, undefined) !== "success") {
            problems.push(`${interaction.description}: not a success: ${outcome.body.slice(0, 300)}`);
            continue;
          }
          const example = resolvePointer(MatchersV3.reify(interaction.response.body), spec.payloadPointer);
          const answer = resolvePointer(body, spec.payloadPointer);
          problems.push(...differences(example, answer, "").map((d) => `${interaction.description}: ${d}`));
        }
        expect(problems, problems.join("\n")).to.deep.equal([]);
      });
  });

  describe(`verified against the built-in sandbox: a sample (every ${SAMPLE_EVERY}th interaction and the last; all of them in test/surface/contracts-every-action.test.ts)`, () => {
    let dir: string;
    let results: PactVerification[];
    let sampled: Map<string, string[]>;
    before(async function () {
      this.timeout(120_000);
      dir = mkdtempSync(path.join(tmpdir(), "contracts-surface-sample-"));
      sampled = new Map();
      const pacts = pactFilesIn(SURFACE).map((file) => {
        const pact = JSON.parse(readFileSync(file, "utf8")) as { interactions: { description: string }[] };
        pact.interactions = pact.interactions.filter(
          (_, i) => i % SAMPLE_EVERY === 0 || i === pact.interactions.length - 1,
        );
        const copy = path.join(dir, path.basename(file));
        writeFileSync(copy, JSON.stringify(pact));
        const summary = readPactFile(copy);
        sampled.set(
          summary.provider,
          pact.interactions.map((i) => i.description),
        );
        return summary;
      });
      results = (await runVerifier(pacts, undefined, path.join(dir, "pact-verifier.log"))).results;
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const product of SURFACE_PRODUCTS)
      it(`${product.provider}: every sampled interaction verifies`, () => {
        const pact = results.find((r) => r.provider === product.provider);
        expect(pact, `no verification of ${product.provider}`).not.to.equal(undefined);
        const failed = (pact?.interactions ?? [])
          .filter((i) => !i.passed)
          .map((i) => `${i.description}: ${i.message}`);
        expect(failed, `failed interactions of ${pact?.file}:\n${failed.join("\n")}`).to.deep.equal([]);
        expect(pact?.interactions.map((i) => i.description)).to.deep.equal(sampled.get(product.provider));
      });
  });
});
