import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { schemasDir } from "../project-paths.js";
import type { BodyFormat, Dialect, Outcome } from "../providers/dialect.js";
import { createAjv } from "./create-ajv.js";
import { xmlView } from "./xml-view.js";

export interface CompiledSchema {
  id: string;
  validate: ValidateFunction;
}

type Schema = Record<string, unknown>;

async function listSchemaFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listSchemaFiles(path.join(dir, entry.name), relative)));
    else if (entry.name.endsWith(".schema.json")) files.push(relative);
  }
  return files.sort();
}

/**
 * Every schema under schemas/, compiled once when the registry loads (never per response), and looked up
 * by the layout of docs/schemas.md:
 *   envelopes  DIALECT[/PRODUCT]/envelope-(success|error)[.xml].schema.json (the product's own file wins)
 *   actions    DIALECT/actions/PRODUCT/ACTION.schema.json (XML: derived view, see xml-view.ts)
 */
export class SchemaRegistry {
  private constructor(private readonly compiled: Map<string, CompiledSchema>) {}

  static async load(dir: string = schemasDir): Promise<SchemaRegistry> {
    const ajv = createAjv();
    const sources = new Map<string, Schema>();
    for (const file of await listSchemaFiles(dir)) {
      const text = await readFile(path.join(dir, file), "utf8");
      let schema: Schema;
      try {
        schema = JSON.parse(text) as Schema;
      } catch (error) {
        throw new Error(`schemas/${file}: not valid JSON: ${(error as Error).message}`);
      }
      if (schema.$id !== file)
        throw new Error(`schemas/${file}: $id must be "${file}", found ${JSON.stringify(schema.$id)}`);
      sources.set(file, schema);
      if (file.includes("/actions/")) {
        const view = xmlView(schema);
        sources.set(view.$id as string, view);
      }
    }
    const compiled = new Map<string, CompiledSchema>();
    for (const [id, schema] of sources) {
      try {
        compiled.set(id, { id, validate: ajv.compile(schema) });
      } catch (error) {
        throw new Error(`schemas/${id}: does not compile: ${(error as Error).message}`);
      }
    }
    return new SchemaRegistry(compiled);
  }

  get(id: string): CompiledSchema | undefined {
    return this.compiled.get(id);
  }

  ids(): string[] {
    return [...this.compiled.keys()];
  }

  envelope(
    dialect: Dialect,
    product: string,
    outcome: Exclude<Outcome, "unknown">,
    format: BodyFormat,
  ): CompiledSchema | undefined {
    const name = `envelope-${outcome}${format === "xml" ? ".xml" : ""}.schema.json`;
    return this.get(`${dialect}/${product}/${name}`) ?? this.get(`${dialect}/${name}`);
  }

  action(dialect: Dialect, product: string, action: string, format: BodyFormat): CompiledSchema | undefined {
    const suffix = format === "xml" ? ".xml-view.schema.json" : ".schema.json";
    return this.get(`${dialect}/actions/${product}/${action}${suffix}`);
  }
}
