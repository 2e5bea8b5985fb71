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

/** The code table a product's errors are looked up in. */
export function codeTable(dialect: Dialect, product: string): CodeTableRow[] {
  const file = dialect === "alibaba" ? `alibaba-${product}` : `${dialect}-common`;
  return readSchemaFile<{ codes: CodeTableRow[] }>(`code-tables/${file}.json`).codes;
}

export function codeRow(dialect: Dialect, product: string, code: string): CodeTableRow {
  const row = codeTable(dialect, product).find((r) => r.code === code);
  if (!row) throw new Error(`${code} is not in the ${dialect} ${product} code table`);
  return row;
}
