import { ruleMessage } from "../model/render-message.js";
import { errorCode } from "./error-fields.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

type Documented = number | string;

function statusMatches(documented: Documented, status: number): boolean {
  if (typeof documented === "number") return documented === status;
  return String(Math.floor(status / 100)) === documented.charAt(0);
}

const MESSAGES = {
  statusNotDocumented:
    "{{code}} is documented with HTTP {{documented}} in {{table}}, but came with {{status}}",
  statusNeitherDocumentedNorGateway:
    "{{code}} is documented with HTTP {{documented}} in {{table}} (the API gateway is seen answering it with {{gatewayStatus}}), but came with {{status}}",
  gatewayStatus:
    "{{code}} came with HTTP {{status}}: {{table}} documents HTTP {{documented}}, but the API gateway answers it with {{status}} on every product seen ({{observedOn}}), so it passes, with this warning",
} as const;

/**
 * status-code-table: where the product's (or the dialect's common) code table documents a status or a
 * status class for the error code, the HTTP status is that.
 *
 * Gateway-level codes (decision, with the evidence in `meta.decision`): a code that the dialect's shared
 * API gateway answers for every product is listed, with the status seen on the wire, in the dialect's
 * gateway table (schemas/code-tables/alibaba-gateway.json). Where the product documents one status and the
 * gateway is seen answering another, both pass: the documented one without a finding, the gateway's with
 * a warning of this rule that names both. Any other status is an error. The gateway table alone never
 * makes a code judged.
 */
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
      "The product's own table is looked up before the dialect's common table. Tencent tables document no status (every error is 200, see status-outcome). Zenlayer codes carry a status class inferred from seed 000's 4xx/5xx rule. " +
      "Gateway-level codes: Alibaba's shared API gateway answers InvalidAccessKeyId.NotFound with HTTP 404 on every product seen in public captured traffic (DNS, RDS, ACK, machine translation; reference/provider-facts.md §5: \"a per-product status table that disagrees with the gateway will flag real traffic\"), while seed 004's ESS table documents 400 (seed 002's KMS table documents 404). " +
      'The codes the gateway answers, with the status seen there, are data: schemas/code-tables/alibaba-gateway.json (product "gateway"). ' +
      "Where the product's table documents a status and the gateway's differs, either passes: the documented one without a finding, the gateway's with a warning of this rule naming both (ESS InvalidAccessKeyId.NotFound with 404). " +
      "Any other status stays an error: KMS InvalidAccessKeyId.NotFound with 400 matches neither KMS's table nor the gateway (both 404). " +
      "A code that only the gateway table lists is not judged: no document gives its status.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check(context) {
    const { outcome, identity, codes, status, spec } = context;
    if (outcome !== "error") return NOT_APPLICABLE;
    const code = errorCode(context);
    if (code === undefined) return NOT_APPLICABLE;
    const found = codes.lookup(identity.dialect, identity.product, code);
    const documented = found?.via === "exact" ? found.entry.status : null;
    if (found === undefined || documented === null || documented === undefined) return NOT_APPLICABLE;
    if (statusMatches(documented, status)) return [];

    const gateway = codes.gatewayLookup(identity.dialect, code);
    const observed = gateway?.entry.status;
    const gatewayDiffers = gateway !== undefined && typeof observed === "number" && observed !== documented;
    const said = { code, documented, table: found.table.title, status };
    if (gatewayDiffers && observed === status) {
      // code-table.schema.json requires observedOn (one product at least) in a gateway table.
      const observedOn = (gateway.entry.observedOn ?? []).join(", ");
      return [
        {
          pointer: spec.errorCodePointer,
          location: "status",
          severity: "warning",
          ...ruleMessage(MESSAGES, "gatewayStatus", { ...said, observedOn }),
          expected: String(documented),
          actual: String(status),
        } satisfies FindingDraft,
      ];
    }
    return [
      {
        pointer: spec.errorCodePointer,
        location: "status",
        ...(gatewayDiffers
          ? ruleMessage(MESSAGES, "statusNeitherDocumentedNorGateway", { ...said, gatewayStatus: observed })
          : ruleMessage(MESSAGES, "statusNotDocumented", said)),
        expected: gatewayDiffers ? `${documented} or ${observed}` : String(documented),
        actual: String(status),
      },
    ];
  },
};
