import { ruleMessage } from "../model/render-message.js";
import { isNonEmptyString, requestIdSlots } from "./request-id-values.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  differs:
    "request ID at {{where}} ({{requestId|json}}) differs from {{firstWhere}} ({{firstRequestId|json}})",
} as const;

export const requestIdConsistent: Rule = {
  meta: {
    id: "request-id-consistent",
    severity: "error",
    dialects: ALL_DIALECTS,
    description:
      "Every copy of the request ID agrees: Zenlayer inner and outer, body and x-acs-request-id / X-TC-RequestId headers.",
    source: {
      document: "reference/provider-facts.md §1",
      quote:
        "In a success body the inner response.requestId equals the outer requestId (Zenlayer's Chinese documentation states this).",
    },
    messages: MESSAGES,
    needs: "envelope",
  },
  check(context) {
    const copies = requestIdSlots(context)
      .filter((slot) => isNonEmptyString(slot.value))
      .map((slot) => ({
        where: slot.pointer,
        pointer: slot.pointer,
        location: undefined as string | undefined,
        value: slot.value as string,
      }));
    const header = context.spec.requestIdHeader;
    const headerValue = header ? context.responseHeaders[header] : undefined;
    if (header && isNonEmptyString(headerValue)) {
      copies.push({
        where: `header ${header}`,
        pointer: "",
        location: `header:${header}`,
        value: headerValue.trim(),
      });
    }
    const first = copies[0];
    if (!first || copies.length < 2) return NOT_APPLICABLE;
    const findings: FindingDraft[] = [];
    for (const copy of copies.slice(1)) {
      if (copy.value === first.value) continue;
      findings.push({
        pointer: copy.pointer,
        ...(copy.location ? { location: copy.location } : {}),
        ...ruleMessage(MESSAGES, "differs", {
          where: copy.where,
          requestId: copy.value,
          firstWhere: first.where,
          firstRequestId: first.value,
        }),
        expected: first.value,
        actual: copy.value,
      });
    }
    return findings;
  },
};
