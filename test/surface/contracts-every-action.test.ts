process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { pactFileName } from "../../src/contracts/contract-products.js";
import { generateContracts } from "../../src/contracts/generate-contracts.js";
import {
  SURFACE_DIR,
  SURFACE_PRODUCTS,
  surfaceConsumer,
  surfaceInteractionsOf,
} from "../../src/contracts/surface-interactions.js";
import { describedActionsOf } from "../../src/live/described-actions.js";
import { findProduct } from "../../src/providers/registry.js";
import { describeSurfaceVerification, SURFACE_PACTS } from "../support/surface-pacts.js";

/** The per-action pacts, in contracts/surface/. */
const SURFACE_FILES = SURFACE_PRODUCTS.map((p) => pactFileName(surfaceConsumer("sdk"), p.provider)).sort();

// The per-action pacts (npm run test:surface: generating them takes as long as the main ones, verifying
// them some 10 s): current, as the descriptions make them, and every interaction verified against the
// built-in sandbox. npm test checks that their examples are the sandbox's answers (test/contracts/surface.test.ts).
describe("contracts: per-action pacts (contracts/surface/)", () => {
  let out: string;
  before(async function () {
    this.timeout(120_000);
    out = mkdtempSync(path.join(tmpdir(), "contracts-surface-"));
    await generateContracts("sdk", out, { main: false });
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("generate writes one per product with an actions document, in surface/", () => {
    expect(readdirSync(path.join(out, SURFACE_DIR)).sort()).to.deep.equal(SURFACE_FILES);
  });

  for (const name of SURFACE_FILES)
    it(`contracts/surface/${name} is current (run "conformance contracts generate" when this fails)`, () => {
      expect(readFileSync(path.join(SURFACE_PACTS, name), "utf8")).to.equal(
        readFileSync(path.join(out, SURFACE_DIR, name), "utf8"),
      );
    });

  describe("their interactions", () => {
    const read = (provider: string) =>
      JSON.parse(
        readFileSync(path.join(out, SURFACE_DIR, pactFileName(surfaceConsumer("sdk"), provider)), "utf8"),
      ) as {
        consumer: { name: string };
        interactions: {
          description: string;
          providerStates: { name: string }[];
          request: { body?: { content: unknown } };
          response: {
            status: number;
            body: { content: Record<string, unknown> };
            matchingRules: { body: Record<string, { matchers: unknown[] }> };
          };
        }[];
      };

    it("one success per described action that is not one of the product's own calls", () => {
      for (const p of SURFACE_PRODUCTS) {
        const product = findProduct(p.dialect, p.product);
        if (!product) throw new Error(p.provider);
        const own = new Set(product.calls.map((c) => c.action));
        const expected = describedActionsOf(product)
          .actions.filter((a) => !own.has(a))
          .map((a) => `${a} (JSON) succeeds`)
          .sort();
        const pact = read(p.provider);
        expect(pact.consumer.name).to.equal("sdk-surface");
        expect(pact.interactions.map((i) => i.description)).to.deep.equal(expected);
        for (const interaction of pact.interactions) {
          expect(interaction.providerStates, interaction.description).to.deep.equal([
            { name: "requests are signed with valid credentials" },
          ]);
          expect(interaction.response.status, interaction.description).to.equal(200);
        }
      }
    });

    it("requests carry the action's required parameters (minimalRequest); answers the schema's required members with its matchers", () => {
      const cvm = read("tencent-cvm");
      const modify = cvm.interactions.find(
        (i) => i.description === "ModifyInstancesAttribute (JSON) succeeds",
      );
      expect(modify?.request.body?.content).to.have.property("InstanceIds");
      const images = cvm.interactions.find((i) => i.description === "DescribeImages (JSON) succeeds");
      const rules = images?.response.matchingRules.body ?? {};
      expect(rules["$.Response.RequestId"]?.matchers[0]).to.have.property("match", "regex");
      expect(rules["$.Response.TotalCount"]?.matchers).to.deep.equal([{ match: "integer" }]);
      expect(rules["$.Response.ImageSet"]?.matchers).to.deep.equal([{ match: "type", min: 0 }]);
      // A schema "number" is Pact's number (its decimal would refuse the whole numbers the schema allows).
      const numbers = cvm.interactions.flatMap((i) =>
        Object.values(i.response.matchingRules.body).flatMap((r) => r.matchers),
      );
      expect(numbers).to.deep.include({ match: "number" });
      expect(numbers).not.to.deep.include({ match: "decimal" });
      // Zenlayer's payload and outer request IDs; Alibaba's at the root, and in its header.
      const bmc = read("zenlayer-bmc").interactions[0];
      expect(Object.keys(bmc?.response.body.content ?? {}).sort()).to.deep.equal(["requestId", "response"]);
      const kms = read("alibaba-kms").interactions[0];
      expect(kms?.response.body.content).to.have.property("RequestId");
    });

    it("the interactions are the ones surfaceInteractionsOf builds", () => {
      for (const p of SURFACE_PRODUCTS)
        expect(surfaceInteractionsOf(p.provider).map((i) => i.description)).to.deep.equal(
          read(p.provider).interactions.map((i) => i.description),
        );
    });
  });

  describeSurfaceVerification();
});
