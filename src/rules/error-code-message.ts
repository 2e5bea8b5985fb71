import { resolvePointer } from "../model/json-pointer.js";
import { describeValue } from "./describe-value.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

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
        message:
          value === undefined
            ? `error has no ${what}: ${pointer} is missing`
            : `error ${what} at ${pointer} is ${typeof value === "string" ? "empty" : `a ${value === null ? "null" : typeof value}, not a string`}`,
        expected: "a non-empty string",
        actual: describeValue(value),
      });
    }
    return findings;
  },
};
