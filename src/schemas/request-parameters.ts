import type { ParameterDescription, RequestDescription } from "./actions-documents.js";

/** What is wrong with a request's parameters, in the words of the dialects' failure kinds. */
export type ParameterProblem =
  | { kind: "missing-parameter"; parameter: string }
  | { kind: "invalid-parameter"; parameter: string; value: string; reason: string };

export interface ParameterTextOptions {
  /**
   * The values are text (Alibaba RPC, a query string): an integer is digits, a boolean `true`/`false`, and
   * lists and objects are spread over several names (`Tag.1.Key`), so only scalars are checked.
   */
  fromText?: boolean;
}

const isMissing = (value: unknown) => value === undefined || value === null || value === "";

const describe = (value: unknown) =>
  typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));

function fitsText(text: string, type: ParameterDescription["type"]): boolean {
  switch (type) {
    case "integer":
      return /^-?\d{1,19}$/.test(text);
    case "number":
      return text.trim() !== "" && Number.isFinite(Number(text));
    case "boolean":
      return text === "true" || text === "false";
    default:
      return true;
  }
}

/** Whether a JSON value is of a parameter type (an integer is a number without a fraction). */
export function fitsValue(value: unknown, type: ParameterDescription["type"]): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return typeof value === "string";
  }
}

const TYPE_WORDS: Record<ParameterDescription["type"], string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/**
 * The first thing wrong with `params` as the action's description says (required parameters, in name order,
 * then the types of those sent, in the order sent), or undefined. Parameters the description does not name
 * pass: the official SDKs send common ones (Alibaba's RegionId, OwnerId), and the description's lists are
 * not closed.
 */
export function parameterProblem(
  description: RequestDescription | undefined,
  params: Readonly<Record<string, unknown>>,
  options: ParameterTextOptions = {},
): ParameterProblem | undefined {
  if (!description) return undefined;
  for (const name of description.required ?? []) {
    if (isMissing(params[name])) return { kind: "missing-parameter", parameter: name };
  }
  const properties = description.properties ?? {};
  for (const [name, value] of Object.entries(params)) {
    if (!Object.hasOwn(properties, name) || value === undefined || value === null) continue;
    const { type } = properties[name] as ParameterDescription;
    const fits =
      options.fromText && typeof value === "string" ? fitsText(value, type) : fitsValue(value, type);
    if (!fits) {
      return {
        kind: "invalid-parameter",
        parameter: name,
        value: describe(value),
        reason: `${name} must be ${TYPE_WORDS[type]}, not ${describe(value)}`,
      };
    }
  }
  return undefined;
}
