/**
 * A payload given every member its action's description requires: what the synthetic exchanges need now
 * that every Tencent action has a schema (schemas/tencent/actions/…, npm run gen:schemas), so that only the
 * defects the generator puts in on purpose draw findings. Missing required members get a placeholder of
 * their type (the first type of a nullable one; lists empty); members the generator wrote are kept.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { schemasDir } from "../src/project-paths.js";

type Schema = Record<string, unknown>;

interface ActionsDocument {
  "x-actions": Record<string, string>;
  definitions: Record<string, Schema>;
}

const documents = new Map<string, ActionsDocument>();

function documentOf(dialect: string, product: string, version: string): ActionsDocument {
  const file = path.join(schemasDir, dialect, "actions", product, `${version}.actions.json`);
  let document = documents.get(file);
  if (!document) {
    document = JSON.parse(readFileSync(file, "utf8")) as ActionsDocument;
    documents.set(file, document);
  }
  return document;
}

function resolve(schema: Schema, document: ActionsDocument): Schema {
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith("#/definitions/"))
    return document.definitions[ref.slice("#/definitions/".length)] ?? {};
  const [first] = (schema.anyOf as Schema[] | undefined) ?? [];
  return first ? resolve(first, document) : schema;
}

function placeholder(schema: Schema, document: ActionsDocument): unknown {
  const resolved = resolve(schema, document);
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  switch (type) {
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return complete({}, resolved, document);
    default:
      return "";
  }
}

function complete(value: unknown, schema: Schema, document: ActionsDocument): unknown {
  const resolved = resolve(schema, document);
  if (Array.isArray(value)) {
    const items = (resolved.items as Schema | undefined) ?? {};
    return value.map((item) => complete(item, items, document));
  }
  if (value === null || typeof value !== "object") return value;
  const properties = (resolved.properties as Record<string, Schema> | undefined) ?? {};
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const name of (resolved.required as string[] | undefined) ?? [])
    if (!Object.hasOwn(out, name)) out[name] = placeholder(properties[name] ?? {}, document);
  for (const [name, member] of Object.entries(out))
    if (properties[name]) out[name] = complete(member, properties[name] as Schema, document);
  return out;
}

/** `payload` with the members its action's description requires, where the product version is described. */
export function describedPayload(
  dialect: string,
  product: string,
  version: string,
  action: string,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const document = documentOf(dialect, product, version);
  const name = document["x-actions"][action];
  if (!name) return payload;
  return complete(payload, { $ref: `#/definitions/${name}` }, document) as Record<string, unknown>;
}
