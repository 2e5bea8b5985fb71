import type { ErrorObject } from "ajv";
import { joinPointer, resolvePointer } from "../model/json-pointer.js";
import { renderMessage, ruleMessage } from "../model/render-message.js";
import { schemaErrorParams } from "../schemas/schema-error-messages.js";
import type { CompiledSchema } from "../schemas/schema-registry.js";
import { describeValue } from "./describe-value.js";
import type { FindingData, FindingDraft } from "./rule.js";

/**
 * The messages of schema findings, declared by every rule that writes them (envelope-shape, action-schema).
 * A finding is named `schema.` + ajv's keyword, and its data is `at` (the pointer, or "body"), `keyword`
 * and ajv's params flattened to scalars (schemaErrorParams): `missingProperty`, `type`, `allowedValues`
 * (JSON text), `pattern`, `limit`, `comparison`, `additionalProperty`, …. Each template renders ajv's own
 * message (English, ajv 8), except `required`, which says "is missing". Two ids are not keywords:
 * `schema.other`, for a keyword without a template here or whose message ajv words differently (its data
 * holds ajv's message as `reason`); `schema.more`, the summary past MAX_SCHEMA_FINDINGS.
 */
export const SCHEMA_MESSAGES = {
  "schema.required": "{{at}}: is missing",
  "schema.type": "{{at}}: must be {{type}}",
  "schema.enum": "{{at}}: must be equal to one of the allowed values",
  "schema.const": "{{at}}: must be equal to constant",
  "schema.pattern": '{{at}}: must match pattern "{{pattern}}"',
  "schema.additionalProperties": "{{at}}: must NOT have additional properties",
  "schema.minLength": "{{at}}: must NOT have fewer than {{limit}} characters",
  "schema.maxLength": "{{at}}: must NOT have more than {{limit}} characters",
  "schema.minimum": "{{at}}: must be {{comparison}} {{limit}}",
  "schema.maximum": "{{at}}: must be {{comparison}} {{limit}}",
  "schema.exclusiveMinimum": "{{at}}: must be {{comparison}} {{limit}}",
  "schema.exclusiveMaximum": "{{at}}: must be {{comparison}} {{limit}}",
  "schema.multipleOf": "{{at}}: must be multiple of {{multipleOf}}",
  "schema.minItems": "{{at}}: must NOT have fewer than {{limit}} items",
  "schema.maxItems": "{{at}}: must NOT have more than {{limit}} items",
  "schema.uniqueItems": "{{at}}: must NOT have duplicate items (items ## {{j}} and {{i}} are identical)",
  "schema.minProperties": "{{at}}: must NOT have fewer than {{limit}} properties",
  "schema.maxProperties": "{{at}}: must NOT have more than {{limit}} properties",
  "schema.anyOf": "{{at}}: must match a schema in anyOf",
  "schema.oneOf": "{{at}}: must match exactly one schema in oneOf",
  "schema.not": "{{at}}: must NOT be valid",
  "schema.other": "{{at}}: {{reason}}",
  "schema.more": "and {{more}} more mismatch(es) against {{schema}}",
} as const;

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES;

/** What a schema finding says about one ajv error: its own message where ajv words it as the template does. */
function schemaMessage(error: ErrorObject, pointer: string): ReturnType<typeof ruleMessage> {
  const at = pointer || "body";
  const data: FindingData = { at, keyword: error.keyword, ...schemaErrorParams(error) };
  const said = error.keyword === "required" ? "is missing" : String(error.message);
  const messageId = `schema.${error.keyword}`;
  if (
    Object.hasOwn(SCHEMA_MESSAGES, messageId) &&
    messageId !== "schema.other" &&
    messageId !== "schema.more"
  ) {
    const template = SCHEMA_MESSAGES[messageId as SchemaMessageId];
    if (renderMessage(template, data) === `${at}: ${said}`) {
      return ruleMessage(SCHEMA_MESSAGES, messageId as SchemaMessageId, data);
    }
  }
  return ruleMessage(SCHEMA_MESSAGES, "schema.other", { ...data, reason: said });
}

/** More findings than this from one schema on one exchange are summarised in a last finding. */
export const MAX_SCHEMA_FINDINGS = 20;

function target(error: ErrorObject): string {
  const missing =
    error.keyword === "required" ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  return missing === undefined ? error.instancePath : joinPointer(error.instancePath, missing);
}

function expectation(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `property ${JSON.stringify(p.missingProperty)}`;
    case "type":
      return String(p.type);
    case "enum":
      return `one of ${describeValue(p.allowedValues)}`;
    case "const":
      return describeValue(p.allowedValue);
    case "pattern":
      return `a string matching ${String(p.pattern)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * anyOf (the XML views: a list or a single element; a generated schema's nullable object: the object or
 * null) makes ajv report every branch. A branch that failed on the value's type is noise; errors on the
 * value itself (a missing member) or inside it come from the branch that fits, and explain the anyOf error
 * better than it does itself.
 */
function explainAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  if (anyOfAt.size === 0) return errors;
  const kept = errors.filter(
    (e) => !(anyOfAt.has(e.instancePath) && (e.keyword === "type" || e.keyword === "const")),
  );
  const explains = (other: ErrorObject, anyOf: ErrorObject) =>
    other.instancePath.startsWith(`${anyOf.instancePath}/`) ||
    (other.instancePath === anyOf.instancePath && other.keyword !== "anyOf");
  return kept.filter((e) => e.keyword !== "anyOf" || !kept.some((other) => explains(other, e)));
}

/**
 * ajv's errors as findings. `basePointer` places a payload validated on its own back into the body.
 * Errors about a field in `ownedPointers` are left to the rule that owns that field, so that one defect
 * draws one finding.
 */
export function schemaFindings(
  schema: CompiledSchema,
  body: unknown,
  basePointer: string,
  ownedPointers: ReadonlySet<string>,
): FindingDraft[] {
  const value = basePointer === "" ? body : resolvePointer(body, basePointer);
  if (schema.validate(value)) return [];
  const errors = explainAnyOf(schema.validate.errors ?? []);
  const findings: FindingDraft[] = [];
  for (const error of errors) {
    const pointer = basePointer + target(error);
    if (ownedPointers.has(pointer)) continue;
    const actual = error.keyword === "required" ? undefined : resolvePointer(body, pointer);
    findings.push({
      pointer,
      ...schemaMessage(error, pointer),
      expected: expectation(error),
      actual: describeValue(actual),
      schema: schema.id,
    });
  }
  if (findings.length > MAX_SCHEMA_FINDINGS) {
    const more = findings.length - MAX_SCHEMA_FINDINGS;
    findings.length = MAX_SCHEMA_FINDINGS;
    findings.push({
      pointer: "",
      ...ruleMessage(SCHEMA_MESSAGES, "schema.more", { more, schema: schema.id }),
      schema: schema.id,
    });
  }
  return findings;
}
