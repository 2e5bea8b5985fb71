// Helpers for the tests of the generated action documents (alibaba.test.ts, zenlayer.test.ts).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import { createAjv } from "../../src/schemas/create-ajv.js";

/** ../shared/corpus beside the project, read in place; the suites skip when it is absent. */
export const CORPUS_DIR = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
export const corpusPresent = (sdk: string): boolean => existsSync(`${CORPUS_DIR}${sdk}`);

export type Schema = Record<string, unknown>;

export interface ActionsDocument {
  $schema: string;
  $id: string;
  title: string;
  description: string;
  "x-generated": { generator: string; source: string; commit: string };
  "x-actions": Record<string, string>;
  definitions: Record<string, Schema>;
}

/** Every validator of every action of the documents, compiled by the engine's own ajv configuration. */
export function compileActions(documents: ReadonlyMap<string, object>): Map<string, ValidateFunction> {
  const ajv = createAjv();
  return compileWith(ajv, documents);
}

/**
 * The same in ajv's strict mode, with the three annotations declared as keywords: what createAjv() would need
 * if it were strict (it is not: strict: false ignores unknown keywords).
 */
export function compileActionsStrictly(
  documents: ReadonlyMap<string, object>,
): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: "x-actions", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-generated", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-requests", schemaType: "object" });
  return compileWith(ajv, documents);
}

function compileWith(ajv: Ajv, documents: ReadonlyMap<string, object>): Map<string, ValidateFunction> {
  const validators = new Map<string, ValidateFunction>();
  for (const document of documents.values()) ajv.addSchema(document);
  for (const [id, document] of documents) {
    for (const [action, definition] of Object.entries((document as ActionsDocument)["x-actions"])) {
      const validate = ajv.getSchema(`${id}#/definitions/${definition}`);
      if (!validate) throw new Error(`${id}: ${action} → ${definition} does not compile`);
      validators.set(`${id} ${action}`, validate);
    }
  }
  return validators;
}

/** Every `$ref` in a schema, anywhere. */
export function refsOf(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(refsOf);
  if (schema === null || typeof schema !== "object") return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [value] : refsOf(value),
  );
}

/** A schema with its `$ref` (and a nullable `anyOf: [x, {type: "null"}]`) followed, in its document. */
export function resolve(root: Schema, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; current && i < 20; i += 1) {
    if (typeof current.$ref === "string") {
      const name = current.$ref.replace(/^#\/definitions\//, "");
      current = (root.definitions as Record<string, Schema>)[name];
      continue;
    }
    const anyOf = current.anyOf as Schema[] | undefined;
    const notNull = anyOf?.filter((s) => s.type !== "null");
    if (notNull?.length === 1) {
      current = notNull[0];
      continue;
    }
    return current;
  }
  return current;
}

const typesOf = (schema: Schema): string[] =>
  [schema.type ?? []].flat().filter((t) => t !== "null") as string[];

/**
 * Where the hand-written schema and the generated one disagree about a member's JSON type, walking every
 * member (and list item) the hand-written schema names. Empty when they agree.
 */
export function typeDisagreements(
  handRoot: Schema,
  hand: Schema,
  generatedRoot: Schema,
  generated: Schema | undefined,
  at = "",
): string[] {
  const h = resolve(handRoot, hand) as Schema;
  const g = resolve(generatedRoot, generated);
  if (!g) return [`${at || "/"}: not in the generated schema`];
  const out: string[] = [];
  if (typesOf(h).join() !== typesOf(g).join()) {
    out.push(`${at || "/"}: hand-written ${typesOf(h)}, generated ${typesOf(g)}`);
  }
  const gProperties = (g.properties ?? {}) as Record<string, Schema>;
  for (const [name, member] of Object.entries((h.properties ?? {}) as Record<string, Schema>)) {
    out.push(...typeDisagreements(handRoot, member, generatedRoot, gProperties[name], `${at}/${name}`));
  }
  if (h.items)
    out.push(...typeDisagreements(handRoot, h.items as Schema, generatedRoot, g.items as Schema, `${at}/0`));
  return out;
}

/** A hand-written schema of schemas/, parsed. */
export function handWritten(schemasDir: string, id: string): Schema {
  return JSON.parse(readFileSync(`${schemasDir}/${id}`, "utf8")) as Schema;
}
