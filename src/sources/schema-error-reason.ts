import type { ErrorObject } from "ajv";

/** Keywords whose errors only sum up the errors of their branches. */
const SUMMARY_KEYWORDS = new Set(["anyOf", "oneOf", "if"]);

function fieldName(instancePath: string): string {
  return instancePath === "" ? "the line" : instancePath;
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties") {
    return `${fieldName(error.instancePath)} must NOT have additional property "${String(params.additionalProperty)}"`;
  }
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return `${fieldName(error.instancePath)} must be one of ${params.allowedValues.join(", ")}`;
  }
  return `${fieldName(error.instancePath)} ${error.message ?? "is not valid"}`;
}

/**
 * One readable sentence from ajv's errors, each naming its field by JSON pointer, e.g.
 * `/response/status must be integer`. For an `anyOf` (headers as an object or as pairs), the branch that got
 * past its type check says what is wrong and the other branch's "must be array" is left out; when every
 * branch failed on type, they become one "must be object or array".
 */
export function schemaErrorReason(errors: readonly ErrorObject[]): string {
  const specific = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const kept = specific.filter(
    (e) =>
      e.keyword !== "type" || !specific.some((other) => other.instancePath.startsWith(`${e.instancePath}/`)),
  );
  const sentences: string[] = [];
  const typeErrors = new Map<string, { sentence: number; types: string[] }>();
  for (const error of kept) {
    if (error.keyword === "type") {
      const type = String((error.params as { type: unknown }).type);
      const earlier = typeErrors.get(error.instancePath);
      if (earlier) {
        earlier.types.push(type);
        sentences[earlier.sentence] =
          `${fieldName(error.instancePath)} must be ${earlier.types.join(" or ")}`;
        continue;
      }
      typeErrors.set(error.instancePath, { sentence: sentences.length, types: [type] });
    }
    sentences.push(describeError(error));
  }
  return [...new Set(sentences)].join("; ");
}
