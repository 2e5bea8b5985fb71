import { joinPointer, resolvePointer } from "../model/json-pointer.js";
import { ruleMessage } from "../model/render-message.js";
import { describeValue } from "./describe-value.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  unknownMember: "{{at}} has a member {{member|json}} that the action's description does not name",
} as const;

/** Within one body, at most this many unknown members are reported (a new object can add many). */
const MAX_FINDINGS = 20;

export const unknownMember: Rule = {
  meta: {
    id: "unknown-member",
    severity: "warning",
    offByDefault: true,
    dialects: ALL_DIALECTS,
    description:
      "A success body carries no member that the action's description (its schema) does not name. Off by default.",
    source: {
      document: "reference/provider-facts.md §5",
      quote:
        "members added in later API revisions are missing from older answers (KMS `Encrypt`'s `KeyVersionId` came with key versions)",
    },
    decision:
      "Providers add members as their APIs evolve, and an SDK ignores members it does not know, so action-schema allows them and this rule, off unless the configuration turns it on, reports them: a way to see where a description (or the suite's copy of it) lags behind the service. It judges with the action's schema closed at every depth (additionalProperties: false), JSON and XML alike.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check({ identity, outcome, body, schemas, spec }) {
    if (outcome !== "success") return NOT_APPLICABLE;
    const { dialect, product, action, format, version } = identity;
    const schema = schemas.action(
      dialect,
      product,
      action,
      format === "xml" ? "closed-xml" : "closed-json",
      version,
    );
    if (!schema) return NOT_APPLICABLE;
    const base = spec.payloadPointer;
    const payload = base === "" ? body : resolvePointer(body, base);
    if (schema.validate(payload)) return [];
    const findings: FindingDraft[] = [];
    for (const error of schema.validate.errors ?? []) {
      if (error.keyword !== "additionalProperties") continue;
      const member = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      const at = base + error.instancePath;
      const pointer = joinPointer(at, member);
      if (findings.some((f) => f.pointer === pointer)) continue;
      findings.push({
        pointer,
        ...ruleMessage(MESSAGES, "unknownMember", { at: at || "body", member }),
        expected: "only the members the description names",
        actual: describeValue(resolvePointer(body, pointer)),
        schema: schema.id,
      });
      if (findings.length === MAX_FINDINGS) break;
    }
    return findings;
  },
};
