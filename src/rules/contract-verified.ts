import type { RawExchange } from "../model/exchange.js";
import { ruleMessage } from "../model/render-message.js";
import type { GroupRule } from "./group-rule.js";
import { ALL_DIALECTS, type RuleMeta } from "./rule.js";

/** What Pact's Verifier found when it replayed one interaction of a contract against the target. */
export interface ContractVerification {
  passed: boolean;
  /** The verifier's mismatches; empty when it passed. */
  message: string;
  /** The outcome the interaction stands for: a success, or the error a probe draws. */
  outcome: "success" | "error";
}

/**
 * One interaction of a contract as an exchange: the request and the status the contract names (the
 * Verifier does not hand back the answer) and the Verifier's verdict.
 */
export type VerifiedInteraction = RawExchange & { verification: ContractVerification };

export function isVerifiedInteraction(exchange: RawExchange): exchange is VerifiedInteraction {
  return "verification" in exchange;
}

const MESSAGES = {
  notHonoured: "contract not honoured: {{mismatches}}",
} as const;

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
  messages: MESSAGES,
  needs: "response",
};

/**
 * Each verified interaction is a group of its own, judged by this rule alone: no answer is held to judge
 * by the other rules, only the Verifier's verdict on it.
 */
export const contractVerified: GroupRule = {
  meta: contractVerifiedMeta,
  judgesAlone: (exchange) => (isVerifiedInteraction(exchange) ? exchange.verification.outcome : undefined),
  groupOf: ({ exchange }) =>
    isVerifiedInteraction(exchange) ? `${exchange.source.file}\u0000${exchange.source.index}` : undefined,
  isComplete: () => true,
  judge: (members) =>
    members.map(({ exchange }) =>
      isVerifiedInteraction(exchange) && !exchange.verification.passed
        ? [
            {
              pointer: "",
              ...ruleMessage(MESSAGES, "notHonoured", { mismatches: exchange.verification.message }),
            },
          ]
        : [],
    ),
};
