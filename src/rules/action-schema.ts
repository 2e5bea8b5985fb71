import { ownedPointers } from "./owned-fields.js";
import { ALL_DIALECTS, NOT_APPLICABLE, type Rule } from "./rule.js";
import { SCHEMA_MESSAGES, schemaFindings } from "./schema-findings.js";

export const actionSchema: Rule = {
  meta: {
    id: "action-schema",
    severity: "error",
    dialects: ALL_DIALECTS,
    description:
      "Action-specific fields of a success body match the action's schema, where one is registered.",
    source: {
      document: "seeds/001_24c71a7bf7ab4a40.txt",
      quote:
        "Except for the fixed fields, all the fields are defined by the specific API. For the fields returned by different APIs, see the definitions in the API documentation.",
    },
    messages: SCHEMA_MESSAGES,
    needs: "envelope",
  },
  check({ identity, outcome, body, schemas, spec }) {
    if (outcome !== "success") return NOT_APPLICABLE;
    const { dialect, product, action, format, version } = identity;
    const schema = schemas.action(dialect, product, action, format, version);
    if (!schema) return NOT_APPLICABLE;
    return schemaFindings(schema, body, spec.payloadPointer, ownedPointers(spec, outcome));
  },
};
