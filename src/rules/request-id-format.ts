import { ruleMessage } from "../model/render-message.js";
import { isNonEmptyString, requestIdSlots } from "./request-id-values.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  unusualShape: "request ID {{requestId|json}} is not {{shape}}",
} as const;

export const requestIdFormat: Rule = {
  meta: {
    id: "request-id-format",
    severity: "warning",
    dialects: ALL_DIALECTS,
    description: "The request ID has the dialect's usual shape.",
    source: {
      document: "reference/provider-facts.md §3",
      quote: "A request-ID format check can only be advisory; presence is what the documents require.",
    },
    decision:
      "Tencent and Alibaba: a UUID in either case (Alibaba's documentation masks digits with x); Zenlayer: T and an upper-case UUID. Advisory, hence a warning.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check(context) {
    const { pattern, description } = context.spec.requestIdShape;
    const present = requestIdSlots(context).filter((slot) => isNonEmptyString(slot.value));
    if (present.length === 0) return NOT_APPLICABLE;
    const findings: FindingDraft[] = [];
    for (const { pointer, value } of present) {
      if (pattern.test(value as string)) continue;
      findings.push({
        pointer,
        ...ruleMessage(MESSAGES, "unusualShape", { requestId: value as string, shape: description }),
        expected: description,
        actual: String(value),
      });
    }
    return findings;
  },
};
