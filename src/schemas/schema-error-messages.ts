import type { ErrorObject } from "ajv";

/** Keywords whose errors only sum up the errors of their branches. */
const SUMMARY_KEYWORDS = new Set(["anyOf", "oneOf", "if", "allOf"]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type SchemaNode = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pointerSegments(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * A JSON pointer into the file as a person writes the path to a member: `/rules/request-id-format` is
 * `rules["request-id-format"]`, `/hosts/0/dialect` is `hosts[0].dialect`; the root is `/`.
 */
export function fieldPath(pointer: string, data: unknown): string {
  let text = "";
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(value)) text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return text === "" ? "/" : text;
}

function valueAt(pointer: string, data: unknown): unknown {
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    if (!isObject(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** `"warn"`, `0`, `an object`: what the file has where it should have something else. */
function describeGot(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (isObject(value)) return "an object";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const ARTICLES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

function typeNames(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(",");
  return types.map((t) => ARTICLES[String(t)] ?? String(t)).join(" or ");
}

/** The local `#/definitions/…` a `$ref` names, or the node itself. */
function deref(root: unknown, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith("#")) return undefined;
    let target: unknown = root;
    for (const segment of pointerSegments(ref.slice(1)))
      target = isObject(target) ? target[segment] : undefined;
    current = target;
  }
  return current;
}

/**
 * The subschema that describes the value at `pointer`, following `properties`, `items`,
 * `additionalProperties` and local `$ref`s; undefined where the schema branches (anyOf, …) or says nothing.
 * (ajv's own schemaPath is relative to the last `$ref`, so it cannot be looked up in the file.)
 */
function schemaAt(root: unknown, pointer: string, data: unknown): SchemaNode | undefined {
  let node = deref(root, root);
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    if (!isObject(node)) return undefined;
    if (Array.isArray(value)) {
      node = Array.isArray(node.items) ? node.items[Number(segment)] : node.items;
    } else if (isObject(node.properties) && segment in node.properties) {
      node = node.properties[segment];
    } else {
      node = node.additionalProperties;
    }
    node = deref(root, node);
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return isObject(node) ? node : undefined;
}

function allowedFields(root: unknown, pointer: string, data: unknown): string {
  const node = schemaAt(root, pointer, data);
  if (!node) return "";
  const names = isObject(node.properties) ? Object.keys(node.properties) : [];
  if (names.length === 0) return isObject(node.patternProperties) ? "" : " (no fields allowed)";
  return ` (allowed: ${names.join(", ")})`;
}

/**
 * One sentence per ajv error, naming the field as a path (`rules["request-id-format"]`), what it must be,
 * with the allowed values or fields the schema lists, and what the file has instead:
 *
 * - `unknown field "rule" at / (allowed: recordings, hosts, rules, …)`
 * - `rules["request-id-format"] must be one of "error", "warning", "off", got "warn"`
 * - `missing required field "host" at hosts[0]` (every field missing there in one sentence)
 * - `maxDepth must be an integer, got "2"`
 *
 * `rootName` names the whole document where it is the subject ("the configuration must be an object").
 * Errors that only sum up their branches (anyOf, oneOf) are left out when a branch says more.
 */
export function schemaErrorMessages(
  errors: readonly ErrorObject[],
  schema: unknown,
  data: unknown,
  rootName: string,
): string[] {
  const specific = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const kept = specific.length > 0 ? specific : errors;
  /** The fields missing at each path, named in one sentence where the first of them is. */
  const missing = new Map<string, string[]>();
  for (const error of kept) {
    if (error.keyword !== "required") continue;
    const names = missing.get(error.instancePath) ?? [];
    names.push(JSON.stringify(String((error.params as { missingProperty?: unknown }).missingProperty)));
    missing.set(error.instancePath, names);
  }
  const messages = kept.map((error) => {
    const params = error.params as Record<string, unknown>;
    const at = fieldPath(error.instancePath, data);
    const subject = error.instancePath === "" ? rootName : at;
    const got = describeGot(valueAt(error.instancePath, data));
    switch (error.keyword) {
      case "additionalProperties":
        return `unknown field ${JSON.stringify(String(params.additionalProperty))} at ${at}${allowedFields(schema, error.instancePath, data)}`;
      case "required": {
        const names = missing.get(error.instancePath) ?? [];
        return `missing required field${names.length > 1 ? "s" : ""} ${names.join(", ")} at ${at}`;
      }
      case "enum": {
        const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
        const list = allowed.map((v) => JSON.stringify(v)).join(", ");
        return `${subject} must be ${allowed.length === 1 ? list : `one of ${list}`}, got ${got}`;
      }
      case "const":
        return `${subject} must be ${JSON.stringify(params.allowedValue)}, got ${got}`;
      case "type":
        return `${subject} must be ${typeNames(params.type)}, got ${got}`;
      default:
        return `${subject} ${error.message ?? "is not valid"}, got ${got}`;
    }
  });
  return [...new Set(messages)];
}

/** A value a program can read without walking a structure: what a finding's data holds. */
export type ScalarParam = string | number | boolean | null;

/**
 * ajv's `params` of one error, flattened to scalars so that a program can read them from a finding's data:
 * strings, numbers, booleans and null as they are; `type` (a list for a union) as ajv prints it in its
 * message (`string,number`); any other list or object (`allowedValues`, `passingSchemas`) as its JSON text.
 */
export function schemaErrorParams(error: ErrorObject): Record<string, ScalarParam> {
  const flat: Record<string, ScalarParam> = {};
  for (const [name, value] of Object.entries(error.params as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
      flat[name] = value as ScalarParam;
    } else if (name === "type" && Array.isArray(value)) {
      flat[name] = value.join(",");
    } else {
      flat[name] = JSON.stringify(value) ?? String(value);
    }
  }
  return flat;
}
