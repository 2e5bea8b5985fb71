import { resolvePointer } from "../model/json-pointer.js";
import { ruleMessage } from "../model/render-message.js";
import { describeValue } from "./describe-value.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  missing: "error has no {{field}}: {{pointer}} is missing",
  empty: "error {{field}} at {{pointer}} is empty",
  notString: "error {{field}} at {{pointer}} is a {{type}}, not a string",
} as const;

export const errorCodeMessage: Rule = {
  meta: {
    id: "error-code-message",
    severity: "error",
    dialects: ALL_DIALECTS,
    description: "An error carries a non-empty string code and message.",
    source: {
      document: "seeds/003_a0227fc7fe36601c.txt",
      quote: "The Error field and its Code and Message fields must be returned when the call fails.",
    },
    messages: MESSAGES,
    needs: "envelope",
  },
  check({ outcome, body, spec }) {
    if (outcome !== "error") return NOT_APPLICABLE;
    const findings: FindingDraft[] = [];
    for (const [what, pointer] of [
      ["code", spec.errorCodePointer],
      ["message", spec.errorMessagePointer],
    ] as const) {
      const value = resolvePointer(body, pointer);
      if (typeof value === "string" && value.trim() !== "") continue;
      findings.push({
        pointer,
        ...(value === undefined
          ? ruleMessage(MESSAGES, "missing", { field: what, pointer })
          : typeof value === "string"
            ? ruleMessage(MESSAGES, "empty", { field: what, pointer })
            : ruleMessage(MESSAGES, "notString", {
                field: what,
                pointer,
                type: value === null ? "null" : typeof value,
              })),
        expected: "a non-empty string",
        actual: describeValue(value),
      });
    }
    return findings;
  },
};
