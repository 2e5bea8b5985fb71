import { ruleMessage } from "../model/render-message.js";
import { describeValue } from "./describe-value.js";
import { ownedPointers } from "./owned-fields.js";
import { ALL_DIALECTS, NOT_APPLICABLE, type Rule } from "./rule.js";
import { SCHEMA_MESSAGES, schemaFindings } from "./schema-findings.js";

const WHAT_AN_ENVELOPE_IS = {
  tencent: 'an object with a "Response" object',
  alibaba: "an object",
  zenlayer: "an object",
};

const MESSAGES = {
  notAnEnvelope: "body is not {{article}} {{dialect}} envelope: expected {{envelope}}",
  ...SCHEMA_MESSAGES,
} as const;

export const envelopeShape: Rule = {
  meta: {
    id: "envelope-shape",
    severity: "error",
    dialects: ALL_DIALECTS,
    description: "The body matches the dialect's success or error envelope schema.",
    source: {
      document: "seeds/003_a0227fc7fe36601c.txt",
      quote:
        "Response and its internal RequestId are fixed fields and will be returned as long as request is processed by the API no matter whether the request succeeds.",
    },
    decision:
      "Fields that a dedicated rule judges (request IDs, error Code and Message, HostId, HttpStatus) are left to that rule, so one defect draws one finding.",
    messages: MESSAGES,
    needs: "body",
  },
  check({ identity, outcome, body, schemas, spec }) {
    if (outcome === "unknown") {
      return [
        {
          pointer: "",
          ...ruleMessage(MESSAGES, "notAnEnvelope", {
            article: identity.dialect === "alibaba" ? "an" : "a",
            dialect: identity.dialect,
            envelope: WHAT_AN_ENVELOPE_IS[identity.dialect],
          }),
          expected: WHAT_AN_ENVELOPE_IS[identity.dialect],
          actual: describeValue(body),
        },
      ];
    }
    const schema = schemas.envelope(identity.dialect, identity.product, outcome, identity.format);
    if (!schema) return NOT_APPLICABLE;
    return schemaFindings(schema, body, "", ownedPointers(spec, outcome));
  },
};
