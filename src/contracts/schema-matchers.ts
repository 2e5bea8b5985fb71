import { MatchersV3 } from "./load-pact.js";

const { like, integer, decimal, boolean, regex } = MatchersV3;

/** The subset of JSON Schema the envelope and action schemas use. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  minItems?: number;
  definitions?: Record<string, SchemaNode>;
}

/** Members that carry the request ID and get the dialect's regex instead of a type matcher. */
const REQUEST_ID_KEYS = new Set(["RequestId", "requestId"]);

export interface MatcherContext {
  root: SchemaNode;
  requestIdPattern: string;
}

export function resolveRef(node: SchemaNode, root: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace(/^#\/definitions\//, "");
  const target = root.definitions?.[name];
  if (!target) throw new Error(`unresolvable $ref ${node.$ref}`);
  return resolveRef(target, root);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex matching exactly one of a string enum's values. */
export const enumPattern = (values: unknown[]) =>
  `^(${values.map((v) => escapeRegex(String(v))).join("|")})$`;

/**
 * The example `value` with the matchers its schema implies: integers `integer`, numbers `decimal`,
 * booleans `boolean`, strings `like` (string enums a regex of their values), request IDs the dialect's
 * regex, arrays a type matcher over their first element with the schema's `minItems` (0 when the schema
 * allows an empty array; the example keeps one element so a consumer sees data).
 */
export function withMatchers(schema: SchemaNode, value: unknown, context: MatcherContext, key = ""): unknown {
  const node = resolveRef(schema, context.root);
  if (typeof value === "string" && REQUEST_ID_KEYS.has(key)) return regex(context.requestIdPattern, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return like([]);
    const items = node.items ?? {};
    return {
      "pact:matcher:type": "type",
      min: node.minItems ?? 0,
      value: [withMatchers(items, value[0], context)],
    };
  }
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [member, memberValue] of Object.entries(value)) {
      result[member] = withMatchers(node.properties?.[member] ?? {}, memberValue, context, member);
    }
    return result;
  }
  if (typeof value === "string" && node.enum?.every((v) => typeof v === "string"))
    return regex(enumPattern(node.enum), value);
  if (typeof value === "number") return Number.isInteger(value) ? integer(value) : decimal(value);
  if (typeof value === "boolean") return boolean(value);
  if (typeof value === "string") return like(value);
  return value;
}
