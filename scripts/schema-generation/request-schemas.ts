/**
 * The request side of an actions document: `x-requests` maps each action to a flat JSON Schema of its
 * top-level request parameters (docs/schemas.md, "Request parameters"):
 *
 *   { "type": "object", "properties": { "Name": { "type": "integer" }, … }, "required": ["Name"] }
 *
 * - Only the top level: a parameter's type (string, integer, number, boolean, array, object), not the
 *   members of an object parameter. That is what the sandbox checks (a missing required parameter, a value
 *   of the wrong type) and what a probe changes; nested shapes would double the documents for no check.
 * - `required` only where the description says so: Tencent's api.json input members carry `required`;
 *   the official Go SDKs (Alibaba, Zenlayer) mark nothing required, so their actions require nothing.
 * - A required parameter carries `examples: [value]`, the documented example as a value of its type (or a
 *   plain value of the type where the example is missing or not of the type): with them a caller can build
 *   the smallest request the description accepts (src/schemas/minimal-request.ts).
 * - `properties` and `required` are sorted; an action without parameters is `{ "type": "object" }`.
 */

import type { ParameterDescription } from "../../src/schemas/actions-documents.js";
import { fitsValue } from "../../src/schemas/request-parameters.js";
import type { GoField, GoType } from "./go-models.js";
import { goTypeText, INTEGER_NAMES, sortedByKey, UNSIGNED_NAMES } from "./go-models.js";

export type ParameterType = ParameterDescription["type"];

export interface RequestParameter {
  name: string;
  type: ParameterType;
  required: boolean;
  /** The documented example, as text (Tencent's api.json `example`). */
  example?: string;
}

/** A plain value of a type: what a required parameter without a usable example is sent as. */
function plainValue(type: ParameterType, example: string): unknown {
  switch (type) {
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return example || "x";
  }
}

/**
 * The documented example as a value of the parameter's type. api.json writes examples as text: `1`, `true`,
 * `["ins-r8hr2upy"]`, `ins-r8hr2upy`, or prose; text that is not JSON of the type is a string example (used
 * for a string parameter) or nothing (a plain value of the type).
 */
export function exampleValue(type: ParameterType, example = ""): unknown {
  if (type === "string") return example.trim() === "" ? "x" : example;
  try {
    const parsed: unknown = JSON.parse(example);
    if (fitsValue(parsed, type)) return parsed;
  } catch {
    // Not JSON: prose or nothing.
  }
  return plainValue(type, example);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `x-requests` entry of one action. */
export function requestSchema(
  parameters: readonly RequestParameter[],
  where: string,
): Record<string, unknown> {
  const properties: Record<string, Record<string, unknown>> = {};
  const required: string[] = [];
  for (const parameter of parameters) {
    if (Object.hasOwn(properties, parameter.name))
      throw new Error(`${where}: parameter ${parameter.name} twice`);
    properties[parameter.name] = parameter.required
      ? { type: parameter.type, examples: [exampleValue(parameter.type, parameter.example)] }
      : { type: parameter.type };
    if (parameter.required) required.push(parameter.name);
  }
  const schema: Record<string, unknown> = { type: "object" };
  if (parameters.length > 0) schema.properties = sortedByKey(properties);
  if (required.length > 0) schema.required = required.sort(byCodePoint);
  return schema;
}

/**
 * The parameter type of a Go request field. Zenlayer's request models are JSON (`*int`, `[]string`,
 * `*ChargePrepaid`); Alibaba's are query parameters typed `string`, `requests.Integer`, `requests.Boolean`,
 * `requests.Float`, or `*[]T` with `type:"Repeated"` (sent as `Name.1`, `Name.1.Key`: a list).
 */
export function goParameterType(type: GoType, where: string): ParameterType {
  switch (type.kind) {
    case "pointer":
      return goParameterType(type.elem, where);
    case "slice":
      return "array";
    case "map":
    case "struct":
      return "object";
    case "interface":
      return "string";
    case "basic":
      if (type.name === "string") return "string";
      if (type.name === "bool") return "boolean";
      if (type.name === "float32" || type.name === "float64") return "number";
      if (INTEGER_NAMES.has(type.name) || UNSIGNED_NAMES.has(type.name)) return "integer";
      break;
    case "named":
      if (type.package === "requests") {
        if (type.name === "Integer") return "integer";
        if (type.name === "Boolean") return "boolean";
        if (type.name === "Float") return "number";
      }
      if (type.package === undefined) return "object";
      break;
  }
  throw new Error(`${where}: request field of type ${goTypeText(type)} has no parameter type here`);
}

/** The parameters of a Go request struct's fields, named by `nameOf` (undefined: not a parameter). */
export function goRequestParameters(
  fields: readonly GoField[],
  nameOf: (field: GoField) => string | undefined,
  where: string,
): RequestParameter[] {
  return fields.flatMap((field) => {
    const name = nameOf(field);
    if (name === undefined) return [];
    return [{ name, type: goParameterType(field.type, `${where}.${field.name}`), required: false }];
  });
}
