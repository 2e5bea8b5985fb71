import { createHash } from "node:crypto";
import type { Dialect } from "../providers/dialect.js";
import { Refusal } from "../providers/sandbox-kit/refusal.js";
import {
  type ActionsDocument,
  type ActionsDocuments,
  actionsDocuments,
} from "../schemas/actions-documents.js";
import { type ParameterTextOptions, parameterProblem } from "../schemas/request-parameters.js";

export type { ActionsDocument };

type Schema = Record<string, unknown>;

/**
 * How deep the synthesis goes. Past it, and inside a definition that refers to itself (a tree of
 * categories), arrays are empty and optional members are left out, so every answer is finite.
 */
export const MAX_DEPTH = 8;
/** Past this depth not even required members are followed (a cycle of required members). */
const HARD_DEPTH = MAX_DEPTH * 2;

/** The members the dialect's renderer adds itself at the payload's top level. */
const REQUEST_ID = /^requestid$/i;

interface Walk {
  definitions: Readonly<Record<string, Schema>>;
  seed: string;
}

function hex(seed: string, where: string): string {
  return createHash("sha256").update(seed).update("\0").update(where).digest("hex");
}

/** JSON with the keys of every object sorted: the same parameters give the same text, in any order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The seed of one call: product, action and the request's own parameters. */
export function answerSeed(
  dialect: Dialect,
  product: string,
  action: string,
  params: Readonly<Record<string, unknown>>,
): string {
  return hex(`${dialect}/${product}/${action}`, stableJson(params));
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const named = type.filter((t): t is string => typeof t === "string");
    return named.find((t) => t !== "null") ?? named[0];
  }
  if (schema.properties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

function smallInteger(schema: Schema, digest: string): number {
  let value = Number.parseInt(digest.slice(0, 2), 16) % 10;
  const minimum = typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : undefined;
  const exclusive = typeof schema.exclusiveMinimum === "number" ? Math.floor(schema.exclusiveMinimum) + 1 : 0;
  const maximum = typeof schema.maximum === "number" ? Math.floor(schema.maximum) : undefined;
  value = Math.max(value, minimum ?? 0, exclusive);
  if (maximum !== undefined && value > maximum) value = maximum;
  return value;
}

function stringOf(schema: Schema, name: string, digest: string): string {
  const text = `${name || "value"}-${digest.slice(0, 8)}`;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const padded = text.length < min ? text.padEnd(min, "x") : text;
  return max !== undefined && padded.length > max ? padded.slice(0, Math.max(max, min)) : padded;
}

/** Whether `schema` (or one of its anyOf/oneOf choices) refers to a definition being expanded. */
function refersBack(schema: Schema, refs: readonly string[]): boolean {
  if (typeof schema.$ref === "string") return refs.includes(schema.$ref.replace(/^#\/definitions\//, ""));
  return (["anyOf", "oneOf"] as const).some(
    (key) => Array.isArray(schema[key]) && (schema[key] as Schema[]).some((c) => refersBack(c, refs)),
  );
}

/**
 * A value of `schema` for the member `name` at `where` (a JSON pointer, which with the seed makes the value).
 * `refs` are the definitions being expanded on the way here; `shallow` once the depth limit or a
 * self-reference is reached.
 */
function synthesizeValue(
  walk: Walk,
  schema: Schema,
  name: string,
  where: string,
  depth: number,
  refs: readonly string[],
  shallow: boolean,
): unknown {
  if (typeof schema.$ref === "string") {
    const definition = schema.$ref.replace(/^#\/definitions\//, "");
    const target = walk.definitions[definition];
    if (!target) return {};
    const cycle = refs.includes(definition);
    return synthesizeValue(walk, target, name, where, depth, [...refs, definition], shallow || cycle);
  }
  if (Object.hasOwn(schema, "const")) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const choices = schema[key];
    if (Array.isArray(choices) && choices.length > 0) {
      const notNull =
        (choices as Schema[]).find((c) => !(c.type === "null" || c.const === null)) ?? choices[0];
      const { [key]: _, ...rest } = schema;
      return synthesizeValue(walk, { ...rest, ...(notNull as Schema) }, name, where, depth, refs, shallow);
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const { allOf, ...rest } = schema;
    const parts = [rest, ...(allOf as Schema[])].map((part) =>
      synthesizeValue(walk, part, name, where, depth, refs, shallow),
    );
    const objects = parts.filter((p) => p !== null && typeof p === "object" && !Array.isArray(p));
    return objects.length > 0 ? Object.assign({}, ...objects) : parts[parts.length - 1];
  }
  const digest = hex(walk.seed, where);
  switch (typeOf(schema)) {
    case "integer":
    case "number":
      return smallInteger(schema, digest);
    case "boolean":
      return false;
    case "null":
      return null;
    case "array": {
      const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
      const items = (schema.items ?? {}) as Schema | Schema[];
      const cut = shallow || depth >= MAX_DEPTH || (!Array.isArray(items) && refersBack(items, refs));
      const count = cut ? minItems : Math.max(1, minItems);
      if (depth >= HARD_DEPTH) return [];
      return Array.from({ length: count }, (_, i) => {
        const item = Array.isArray(items) ? (items[i] ?? {}) : items;
        return synthesizeValue(walk, item, name, `${where}/${i}`, depth + 1, refs, shallow);
      });
    }
    case "object": {
      const object: Record<string, unknown> = {};
      if (depth >= HARD_DEPTH) return object;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const cut = shallow || depth >= MAX_DEPTH;
      for (const [member, memberSchema] of Object.entries(properties)) {
        if (depth === 0 && REQUEST_ID.test(member)) continue;
        if (cut && !required.has(member)) continue;
        object[member] = synthesizeValue(
          walk,
          memberSchema,
          member,
          `${where}/${member}`,
          depth + 1,
          refs,
          cut,
        );
      }
      return object;
    }
    default:
      return stringOf(schema, name, digest);
  }
}

/**
 * A deterministic payload of the action's definition in `document`: every member described, each a value
 * of its type (strings from the member's name and the seed, small non-negative numbers, false, arrays of
 * one item, objects recursively, a non-null value where null is allowed), without the top-level request
 * ID that the dialect's renderer adds. Undefined when the document does not describe the action.
 */
export function synthesizeAnswer(
  document: ActionsDocument,
  action: string,
  seed: string,
): Record<string, unknown> | undefined {
  if (!Object.hasOwn(document.actions, action)) return undefined;
  const definition = document.actions[action] as string;
  const schema = document.definitions[definition];
  if (!schema) return undefined;
  const walk = { definitions: document.definitions, seed };
  const value = synthesizeValue(walk, schema, action, "", 0, [definition], false);
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The sandbox's answers to described actions, from the process's actions documents. */
export class DescribedActions {
  constructor(private readonly documents: ActionsDocuments = actionsDocuments()) {}

  /**
   * The answer to `action` (its documented example, else a synthesized payload: `payload` below), or
   * undefined when no document of the product describes it. Throws
   * the Refusal of the first parameter the description's request side rejects (a required one missing, a
   * value of the wrong type): the dialect renders it as its documented MissingParameter or invalid-parameter
   * answer.
   */
  answer(
    dialect: Dialect,
    product: string,
    action: string,
    version: string | undefined,
    params: Readonly<Record<string, unknown>>,
    options: ParameterTextOptions = {},
  ): Record<string, unknown> | undefined {
    const document = this.documents.describing(dialect, product, action, version);
    if (!document) return undefined;
    const problem = parameterProblem(document.requests[action], params, options);
    if (problem) {
      const { kind, ...detail } = problem;
      throw new Refusal(kind, detail);
    }
    return this.payload(dialect, product, action, version, params);
  }

  /**
   * The payload the sandbox answers `action` with, without the request checks: the action's documented
   * example where its document has one (structuredClone: the caller may change it), else the payload
   * synthesized from its definition and seeded by `params`. Undefined when no document describes it.
   */
  payload(
    dialect: Dialect,
    product: string,
    action: string,
    version: string | undefined,
    params: Readonly<Record<string, unknown>>,
  ): Record<string, unknown> | undefined {
    const document = this.documents.describing(dialect, product, action, version);
    if (!document) return undefined;
    if (Object.hasOwn(document.examples, action)) return structuredClone(document.examples[action]);
    return synthesizeAnswer(document, action, answerSeed(dialect, product, action, params));
  }
}

let shared: DescribedActions | undefined;

/** The process's documents of schemas/ (they do not change while it runs). */
export function describedActions(): DescribedActions {
  shared ??= new DescribedActions();
  return shared;
}
