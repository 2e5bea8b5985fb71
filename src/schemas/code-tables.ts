import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { schemasDir } from "../project-paths.js";
import type { Dialect } from "../providers/dialect.js";
import type { CodeTable } from "../types/generated/code-table.js";
import { createAjv } from "./create-ajv.js";

export type CodeEntry = CodeTable["codes"][number];

/** The product name of a gateway table (schemas/code-table.schema.json). */
export const GATEWAY = "gateway";

export interface CodeLookup {
  entry: CodeEntry;
  table: CodeTable;
  /** How the code matched: itself, or (Tencent) the common code it extends with a dot. */
  via: "exact" | "prefix";
}

/** The error-code tables of schemas/code-tables/, validated by schemas/code-table.schema.json on load. */
export class CodeTables {
  private constructor(private readonly tables: CodeTable[]) {}

  static async load(dir: string = schemasDir): Promise<CodeTables> {
    const ajv = createAjv();
    const schema = JSON.parse(await readFile(path.join(dir, "code-table.schema.json"), "utf8"));
    const validate = ajv.compile<CodeTable>(schema);
    const tablesDir = path.join(dir, "code-tables");
    const tables: CodeTable[] = [];
    for (const name of (await readdir(tablesDir)).filter((n) => n.endsWith(".json")).sort()) {
      const file = path.join(tablesDir, name);
      const data: unknown = JSON.parse(await readFile(file, "utf8"));
      if (!validate(data)) {
        const problems = (validate.errors ?? [])
          .map((e) => `${e.instancePath || "/"} ${e.message}`)
          .join("; ");
        throw new Error(`schemas/code-tables/${name}: not a valid code table: ${problems}`);
      }
      tables.push(data);
    }
    return new CodeTables(tables);
  }

  all(): readonly CodeTable[] {
    return this.tables;
  }

  /**
   * The product's table and the dialect's common table, product first. A gateway table (product
   * "gateway") is never one of them, whatever `product` is: it holds statuses seen on the wire, not
   * documented codes; see `gatewayLookup`.
   */
  tablesFor(dialect: Dialect, product: string): CodeTable[] {
    return this.tables
      .filter(
        (t) =>
          t.dialect === dialect && t.product !== GATEWAY && (t.product === product || t.product === "common"),
      )
      .sort((a, b) => Number(a.product === "common") - Number(b.product === "common"));
  }

  /**
   * The entry of the dialect's gateway table for `code`: a code the dialect's shared API gateway answers
   * for every product, with the status seen on the wire (provider-facts.md §5), or undefined.
   */
  gatewayLookup(dialect: Dialect, code: string): CodeLookup | undefined {
    for (const table of this.tables) {
      if (table.dialect !== dialect || table.product !== GATEWAY) continue;
      const entry = table.codes.find((c) => c.code === code);
      if (entry) return { entry, table, via: "exact" };
    }
    return undefined;
  }

  /**
   * The entry that documents `code` for this product. Tencent product codes extend a common code with a
   * dot (InvalidParameterValue.NoFaceInPhoto, provider-facts.md §2), so for Tencent the part before the
   * first dot is looked up when the whole code is not listed.
   */
  lookup(dialect: Dialect, product: string, code: string): CodeLookup | undefined {
    const tables = this.tablesFor(dialect, product);
    for (const table of tables) {
      const entry = table.codes.find((c) => c.code === code);
      if (entry) return { entry, table, via: "exact" };
    }
    if (dialect === "tencent" && code.includes(".")) {
      const base = code.slice(0, code.indexOf("."));
      for (const table of tables) {
        const entry = table.codes.find((c) => c.code === base);
        if (entry) return { entry, table, via: "prefix" };
      }
    }
    return undefined;
  }
}
