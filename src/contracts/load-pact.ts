/**
 * Loads @pact-foundation/pact with its usage tracking turned off: the variable must be set before the
 * module is first evaluated, so every contracts module imports pact through this one.
 */
process.env.PACT_DO_NOT_TRACK = "true";

import { createRequire } from "node:module";

const pact = await import("@pact-foundation/pact");

export const { PactV4, Verifier, MatchersV3, XmlBuilder, XmlElement } = pact;
export type { V3MockServer as MockServer } from "@pact-foundation/pact";

/** The pact-core that @pact-foundation/pact itself loads (resolved from pact's own folder: one native core). */
const pactCore = createRequire(createRequire(import.meta.url).resolve("@pact-foundation/pact"))(
  "@pact-foundation/pact-core",
) as { getFfiLib(): { pactffiMockServerMatched(port: number): boolean } };

/**
 * Whether the mock server on `port` has recorded every expected request as matched. Pact's Rust mock server
 * (pact-ffi 0.5.4, in pact-js 16.3 to 16.5) records a match on a separate task after it has answered, so a
 * client can hold the answer before the match is recorded (pact-foundation/pact-reference#535, fixed in
 * pact-ffi 0.5.6).
 */
export function mockServerMatched(port: number): boolean {
  return pactCore.getFfiLib().pactffiMockServerMatched(port);
}
