import { ruleMessage } from "../model/render-message.js";
import { errorCode } from "./error-fields.js";
import { ALL_DIALECTS, NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  unknownCode: "error code {{code|json}} is not in {{tables}}",
  misspelledCode:
    "error code {{code|json}} is a misspelling, printed by older documentation, of {{correct|json}}",
} as const;

export const errorCodeKnown: Rule = {
  meta: {
    id: "error-code-known",
    severity: "warning",
    dialects: ALL_DIALECTS,
    description: "The error code is in the common table or the product's table.",
    source: {
      document: "seeds/000_cb41bbe9a103a19e.txt",
      quote: "You may find the code in either common error codes or API-specified error codes.",
    },
    decision:
      "A Tencent code that extends a common code with a dot (InvalidParameterValue.NoFaceInPhoto) is known. A misspelling that older KMS documentation printed (SerivceUnavailableTemporary) is reported with the right spelling. Products without a table are not judged.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check(context) {
    const { outcome, identity, codes, spec } = context;
    if (outcome !== "error") return NOT_APPLICABLE;
    const code = errorCode(context);
    if (code === undefined || codes.tablesFor(identity.dialect, identity.product).length === 0)
      return NOT_APPLICABLE;
    const found = codes.lookup(identity.dialect, identity.product, code);
    const tables = codes
      .tablesFor(identity.dialect, identity.product)
      .map((t) => t.title)
      .join(" or ");
    if (!found) {
      return [
        {
          pointer: spec.errorCodePointer,
          ...ruleMessage(MESSAGES, "unknownCode", { code, tables }),
          expected: `a code of ${tables}`,
          actual: code,
        },
      ];
    }
    if (found.entry.misspellingOf) {
      return [
        {
          pointer: spec.errorCodePointer,
          ...ruleMessage(MESSAGES, "misspelledCode", { code, correct: found.entry.misspellingOf }),
          expected: found.entry.misspellingOf,
          actual: code,
        },
      ];
    }
    return [];
  },
};
