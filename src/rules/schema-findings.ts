import type { ErrorObject } from "ajv";
import { joinPointer, resolvePointer } from "../model/json-pointer.js";
import type { CompiledSchema } from "../schemas/schema-registry.js";
import { describeValue } from "./describe-value.js";
import type { FindingDraft } from "./rule.js";

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
 * anyOf (the XML views: a list or a single element) makes ajv report every branch. A branch that failed on
 * the value's type is noise; errors inside the value come from the branch that fits, and explain the anyOf
 * error better than it does itself.
 */
function explainAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  if (anyOfAt.size === 0) return errors;
  const kept = errors.filter(
    (e) => !(anyOfAt.has(e.instancePath) && (e.keyword === "type" || e.keyword === "const")),
  );
  return kept.filter(
    (e) =>
      e.keyword !== "anyOf" || !kept.some((other) => other.instancePath.startsWith(`${e.instancePath}/`)),
  );
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
      message: `${pointer || "body"}: ${error.keyword === "required" ? "is missing" : error.message}`,
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
      message: `and ${more} more mismatch(es) against ${schema.id}`,
      schema: schema.id,
    });
  }
  return findings;
}
