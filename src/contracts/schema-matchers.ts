import { MatchersV3 } from "./load-pact.js";

const { like, decimal, number, regex } = MatchersV3;

/** The subset of JSON Schema the envelope and action schemas use. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
}

/** Members that carry the request ID and get the dialect's regex instead of a type matcher. */
const REQUEST_ID_KEYS = new Set(["RequestId", "requestId"]);

export interface MatcherContext {
  root: SchemaNode;
  /** The contract's request-ID regex for the dialect (src/contracts/request-id-shapes.ts). */
  requestIdPattern: string;
  /** Members whose example value is itself the expectation (an error's documented code): no matcher. */
  pinned?: ReadonlySet<string>;
}

/** A matcher in Pact's integration JSON (what pact-js hands the FFI). */
export type PactMatcher = { "pact:matcher:type": unknown; value: unknown } & Record<string, unknown>;

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
 * Several matchers on one value, all of which must hold: the FFI's array form of `pact:matcher:type`
 * (pact_ffi IntegrationJson.md, "Supporting multiple matching rules"), written to the pact as one path
 * with several matchers and `combine: AND`.
 */
export function allOf(value: unknown, ...rules: Record<string, unknown>[]): PactMatcher {
  return { "pact:matcher:type": rules, value };
}

/**
 * A whole-value regex of the decimal text of every integer ≥ `minimum`. Pact applies a regex matcher to
 * a JSON number's text (pact_matching stringifies it), so a minimum can be checked with a regex next to
 * the `integer` matcher. Only non-negative minimums are written (the schemas have 0 and 1); anything
 * else is refused rather than silently dropped.
 */
export function integerAtLeastPattern(minimum: number): string {
  if (!Number.isInteger(minimum) || minimum < 0)
    throw new Error(`no contract regex for an integer minimum of ${minimum} (only non-negative integers)`);
  if (minimum === 0) return "^(0|[1-9][0-9]*)$";
  const digits = String(minimum);
  const k = digits.length;
  // More digits than the minimum, or as many and not smaller: digit by digit, the first larger digit
  // after an equal prefix, then any digits; or the minimum itself.
  const alternatives = [`[1-9][0-9]{${k},}`, digits];
  for (let i = 0; i < k; i++) {
    const d = Number(digits[i]);
    if (d === 9) continue;
    const rest = k - i - 1;
    alternatives.push(`${digits.slice(0, i)}[${d + 1}-9]${rest > 0 ? `[0-9]{${rest}}` : ""}`);
  }
  return `^(${alternatives.join("|")})$`;
}

/** A whole-value regex of strings of `minLength` to `maxLength` characters (any characters, newlines too). */
export const lengthPattern = (minLength: number, maxLength?: number) =>
  minLength === 1 && maxLength === undefined ? "^[\\s\\S]+$" : `^[\\s\\S]{${minLength},${maxLength ?? ""}}$`;

/** The length regex a string schema implies, if it bounds the length. */
export const lengthPatternOf = (node: SchemaNode): string | undefined =>
  (node.minLength ?? 0) > 0 || node.maxLength !== undefined
    ? lengthPattern(node.minLength ?? 0, node.maxLength)
    : undefined;

/** The matcher a schema implies for a string example: enum, pattern, length bounds, else its type. */
export function stringMatcher(node: SchemaNode, value: string): unknown {
  if (node.enum?.every((v) => typeof v === "string")) return regex(enumPattern(node.enum), value);
  const rules: Record<string, unknown>[] = [];
  const length = lengthPatternOf(node);
  if (length !== undefined) rules.push({ "pact:matcher:type": "regex", regex: length });
  if (node.pattern !== undefined) rules.push({ "pact:matcher:type": "regex", regex: node.pattern });
  if (rules.length === 0) return like(value);
  // The regexes alone would accept a number (Pact matches a regex against a number's text): type too.
  return allOf(value, { "pact:matcher:type": "type" }, ...rules);
}

/** The matcher a schema implies for a numeric example: integer or decimal, with the schema's minimum. */
export function numberMatcher(node: SchemaNode, value: number, where: string): unknown {
  const integral = node.type === "integer" || (node.type === undefined && Number.isInteger(value));
  if (node.maximum !== undefined)
    throw new Error(`${where}: a maximum (${node.maximum}) has no contract matcher; pin the value instead`);
  if (!integral) {
    // A schema's "number" takes any number, 3 as well as 3.5: Pact's `number` matcher (its `decimal` would
    // refuse an integer, which the schema allows). Only a value without a declared type is a `decimal`.
    if (node.type === "number" && node.minimum === undefined) return number(value);
    if (node.minimum !== undefined)
      throw new Error(`${where}: a decimal minimum (${node.minimum}) has no contract matcher`);
    return decimal(value);
  }
  if (node.minimum === undefined) return { "pact:matcher:type": "integer", value };
  return allOf(
    value,
    { "pact:matcher:type": "integer" },
    { "pact:matcher:type": "regex", regex: integerAtLeastPattern(node.minimum) },
  );
}

/**
 * The example `value` with the matchers its schema implies, and only the members its schema requires:
 * Pact has no "optional" matcher, and ignores members of a JSON answer the contract does not list, so an
 * optional member is left out (a provider may omit it; when it sends one, the contract does not judge
 * it). Integers `integer` (and, with a `minimum`, a regex of their text as well), `number`s Pact's
 * `number` (a value of no declared type that is not whole `decimal`), booleans a type matcher, strings a type matcher (with `minLength` or `pattern`: a regex as well;
 * string enums a regex of their values), request IDs the dialect's regex, arrays a type matcher over
 * their first element with the schema's `minItems` (0 when the schema allows an empty array; the
 * example keeps one element so a consumer sees data). Members in `context.pinned` stay exact. A
 * required member the example lacks is an error: the contract would silently require less.
 */
export function withMatchers(
  schema: SchemaNode,
  value: unknown,
  context: MatcherContext,
  key = "",
  where = "$",
): unknown {
  const node = resolveRef(schema, context.root);
  if (context.pinned?.has(key)) return value;
  if (typeof value === "string" && REQUEST_ID_KEYS.has(key)) return regex(context.requestIdPattern, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return like([]);
    const items = node.items ?? {};
    return {
      "pact:matcher:type": "type",
      min: node.minItems ?? 0,
      ...(node.maxItems === undefined ? {} : { max: node.maxItems }),
      value: [withMatchers(items, value[0], context, "", `${where}[*]`)],
    };
  }
  if (value !== null && typeof value === "object") {
    const members = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const member of node.required ?? []) {
      if (!Object.hasOwn(members, member))
        throw new Error(`${where}: the example lacks ${member}, which the schema requires`);
      result[member] = withMatchers(
        node.properties?.[member] ?? {},
        members[member],
        context,
        member,
        `${where}.${member}`,
      );
    }
    return result;
  }
  if (typeof value === "string") return stringMatcher(node, value);
  if (typeof value === "number") return numberMatcher(node, value, where);
  if (typeof value === "boolean") return like(value);
  return value;
}
