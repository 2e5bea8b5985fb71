/**
 * Loads @pact-foundation/pact with its usage tracking turned off: the variable must be set before the
 * module is first evaluated, so every contracts module imports pact through this one.
 */
process.env.PACT_DO_NOT_TRACK = "true";

const pact = await import("@pact-foundation/pact");

export const { PactV4, Verifier, MatchersV3, XmlBuilder } = pact;
export type { V3MockServer as MockServer } from "@pact-foundation/pact";
