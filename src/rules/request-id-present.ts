import { ruleMessage } from "../model/render-message.js";
import { describeValue } from "./describe-value.js";
import { requestIdSlots } from "./request-id-values.js";
import { ALL_DIALECTS, type FindingDraft, type Rule } from "./rule.js";

const MESSAGES = {
  missing: "no request ID: {{pointer}} is missing",
  empty: "request ID at {{pointer}} is empty",
  notString: "request ID at {{pointer}} is not a string",
} as const;

export const requestIdPresent: Rule = {
  meta: {
    id: "request-id-present",
    severity: "error",
    dialects: ALL_DIALECTS,
    description: "A non-empty request ID on every response, success or error.",
    source: {
      document: "seeds/000_cb41bbe9a103a19e.txt",
      quote: "requestId: the unique ID of an API request. Contact us with this ID when an exception occurs.",
    },
    decision:
      "Zenlayer success bodies carry it twice (outer requestId and response.requestId): both must be there.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check(context) {
    const findings: FindingDraft[] = [];
    for (const { pointer, value } of requestIdSlots(context)) {
      if (typeof value === "string" && value.trim() !== "") continue;
      findings.push({
        pointer,
        ...ruleMessage(
          MESSAGES,
          value === undefined ? "missing" : typeof value === "string" ? "empty" : "notString",
          { pointer },
        ),
        expected: "a non-empty string",
        actual: describeValue(value),
      });
    }
    return findings;
  },
};
