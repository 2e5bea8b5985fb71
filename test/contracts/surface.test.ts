process.env.PACT_DO_NOT_TRACK = "true";

import { expect } from "chai";
import { MatchersV3 } from "../../src/contracts/load-pact.js";
import { SURFACE_PRODUCTS, surfaceInteractionsOf } from "../../src/contracts/surface-interactions.js";
import { DEFAULT_TIMEOUTS, sendRequest } from "../../src/live/http-exchange.js";
import { signedRequest } from "../../src/live/signed-request.js";
import { resolvePointer } from "../../src/model/json-pointer.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { dialectSpecs } from "../../src/providers/dialect-specs.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

const REQUEST_ID = /^requestid$/i;

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
});
