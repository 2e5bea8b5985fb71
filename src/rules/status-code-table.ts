import { errorCode } from "./error-fields.js";
import { ALL_DIALECTS, NOT_APPLICABLE, type Rule } from "./rule.js";

function statusMatches(documented: number | string, status: number): boolean {
  if (typeof documented === "number") return documented === status;
  return String(Math.floor(status / 100)) === documented.charAt(0);
}

export const statusCodeTable: Rule = {
  meta: {
    id: "status-code-table",
    severity: "error",
    dialects: ALL_DIALECTS,
    description:
      "Where the product's table documents a status (or status class) for the code, the HTTP status is that.",
    source: {
      document: "reference/provider-facts.md §1",
      quote:
        "Documented statuses differ by product: InvalidAccessKeyId.NotFound is 404 in the KMS table and 400 in the ESS table … A code-to-status table must therefore be per product.",
    },
    decision:
      "The product's own table is looked up before the dialect's common table. Tencent tables document no status (every error is 200, see status-outcome). Zenlayer codes carry a status class inferred from seed 000's 4xx/5xx rule.",
    needs: "envelope",
  },
  check(context) {
    const { outcome, identity, codes, status, spec } = context;
    if (outcome !== "error") return NOT_APPLICABLE;
    const code = errorCode(context);
    if (code === undefined) return NOT_APPLICABLE;
    const found = codes.lookup(identity.dialect, identity.product, code);
    const documented = found?.via === "exact" ? found.entry.status : null;
    if (documented === null || documented === undefined) return NOT_APPLICABLE;
    if (statusMatches(documented, status)) return [];
    return [
      {
        pointer: spec.errorCodePointer,
        location: "status",
        message: `${code} is documented with HTTP ${documented} in ${found?.table.title}, but came with ${status}`,
        expected: String(documented),
        actual: String(status),
      },
    ];
  },
};
