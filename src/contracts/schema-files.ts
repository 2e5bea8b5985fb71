import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { schemasDir } from "../project-paths.js";
import type { Dialect } from "../providers/dialect.js";
import type { SchemaNode } from "./schema-matchers.js";

const cache = new Map<string, unknown>();

export function readSchemaFile<T = SchemaNode>(relative: string): T {
  let value = cache.get(relative);
  if (value === undefined) {
    value = JSON.parse(readFileSync(path.join(schemasDir, relative), "utf8"));
    cache.set(relative, value);
  }
  return value as T;
}

/**
 * The envelope schema an answer is judged by, found as src/schemas/schema-registry.ts finds it: the
 * product's own file (schemas/DIALECT/PRODUCT/) wins over the dialect's (docs/schemas.md).
 */
export function envelopeSchemaFile(dialect: Dialect, product: string, outcome: "success" | "error"): string {
  const name = `envelope-${outcome}.schema.json`;
  const own = `${dialect}/${product}/${name}`;
  return existsSync(path.join(schemasDir, own)) ? own : `${dialect}/${name}`;
}

/** The action's schema: the object inside Tencent's `Response`, Zenlayer's `response`, Alibaba's root. */
export const actionSchema = (dialect: Dialect, product: string, action: string) =>
  readSchemaFile(`${dialect}/actions/${product}/${action}.schema.json`);

export interface CodeTableRow {
  code: string;
  status: number | string | null;
  description: string;
  message?: string;
}

/**
 * The code tables a product's errors are described from: the dialect's common table where it has one
 * (Tencent, Zenlayer: the codes their probes draw are common codes), then the product's own
 * (schemas/code-tables/DIALECT-PRODUCT.json; Alibaba's only). Common first: a code both list keeps the
 * common table's description (Zenlayer INVALID_ZONE_NOT_FOUND).
 */
export function codeTables(dialect: Dialect, product: string): CodeTableRow[][] {
  return [`${dialect}-common`, `${dialect}-${product}`]
    .filter((name) => existsSync(path.join(schemasDir, "code-tables", `${name}.json`)))
    .map((name) => readSchemaFile<{ codes: CodeTableRow[] }>(`code-tables/${name}.json`).codes);
}

export function codeRow(dialect: Dialect, product: string, code: string): CodeTableRow {
  for (const table of codeTables(dialect, product)) {
    const row = table.find((r) => r.code === code);
    if (row) return row;
  }
  throw new Error(`${code} is not in the ${dialect} ${product} code tables`);
}
