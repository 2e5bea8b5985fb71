import { ALL_DIALECTS, type RuleMeta } from "./rule.js";

/** Judged by `conformance contracts verify`: Pact's own Verifier replays each contract against the target. */
export const contractVerifiedMeta: RuleMeta = {
  id: "contract-verified",
  severity: "error",
  dialects: ALL_DIALECTS,
  description:
    "Every interaction of the Pact contracts (contracts/) verifies against the target with Pact's Verifier.",
  source: {
    document: "DESIGN.md",
    quote: "Pact contracts in `contracts/` are derived (Pact V4 files with matchers drawn from the schemas)",
  },
  decision:
    "One exchange per interaction in the report of `conformance contracts verify`, so that the gate decides on it like on any other rule; the Verifier's mismatches are the finding's message. Its status is the one the contract expects (the Verifier does not hand back the answer).",
  needs: "response",
};
