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
    decision:
      "Every action the providers describe has a schema, generated from their own descriptions (npm run gen:schemas; docs/schemas.md), unless one is written by hand or the configuration gives one. Required: Tencent's output_required members (and RequestId); the Go models of Alibaba and Zenlayer mark nothing required, so there only types are judged. Null: refused where Tencent's value_allowed_null is false (a Go or Java SDK with value types breaks on it) unless the member's own text says it may be null; for Zenlayer allowed only where the Go model can hold nil; never for Alibaba. Numbers sent as strings fail: the Tencent and Zenlayer Go SDKs refuse them, and Alibaba's pop-core and Python SDK hand the string to the caller (only its Go SDK decodes leniently). Extra members are allowed (providers add them; rule unknown-member reports them when turned on). No enum: no description closes a list of values, except where a hand-written schema quotes one.",
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
