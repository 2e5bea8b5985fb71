import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Ajv, ValidateFunction } from "ajv";
import { InputError } from "../model/exchange.js";
import { schemasDir } from "../project-paths.js";
import type { BodyFormat, Dialect, Outcome } from "../providers/dialect.js";
import { closedView } from "./closed-view.js";
import { createAjv } from "./create-ajv.js";
import { xmlView } from "./xml-view.js";

export interface CompiledSchema {
  /** The schema behind a finding: a file's $id, or for a described action `FILE#/definitions/NAME`. */
  id: string;
  validate: ValidateFunction;
}

type Schema = Record<string, unknown>;

/**
 * The variants of an action's schema: for a JSON answer, for an XML answer (the derived view), and each
 * closed (no member beyond those described: rule unknown-member).
 */
export type SchemaVariant = "json" | "xml" | "closed-json" | "closed-xml";

/** One `*.actions.json` document: every action of one product version, as a definition each. */
interface ActionsDocument {
  id: string;
  version: string;
  /** Action → the name of its definition (its x-actions, once read). */
  actions: Readonly<Record<string, string>>;
  /** Where the document was read from (schemas/ or the configuration's actionSchemas). */
  path: string;
  /** From the configuration's actionSchemas: it comes before the suite's own schemas. */
  own: boolean;
}

const ACTION_FILE = /^(tencent|alibaba|zenlayer)\/actions\/([^/]+)\/([^/]+)\.schema\.json$/;
const ACTIONS_DOCUMENT = /^(tencent|alibaba|zenlayer)\/actions\/([^/]+)\/(\d{4}-\d{2}-\d{2})\.actions\.json$/;

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else if (entry.name.endsWith(".schema.json") || entry.name.endsWith(".actions.json"))
      files.push(relative);
  }
  return files.sort();
}

function readSchema(file: string, where: string, expectedId?: string): Schema {
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError(where, `not a readable JSON schema: ${(error as Error).message}`);
  }
  if (schema === null || typeof schema !== "object" || Array.isArray(schema))
    throw new InputError(where, "not a JSON schema (an object)");
  const id = (schema as Schema).$id;
  if (expectedId !== undefined && id !== expectedId)
    throw new InputError(where, `$id must be "${expectedId}", found ${JSON.stringify(id)}`);
  return schema as Schema;
}

/**
 * The JSON Schemas of schemas/ (and the configuration's own action schemas), found by the layout of
 * docs/schemas.md and compiled lazily: a file is read, and a schema compiled, on the first exchange that
 * needs it, then cached for the process. Loading only lists the files, so start-up does not grow with the
 * number of actions described.
 *   envelopes  DIALECT[/PRODUCT]/envelope-(success|error)[.xml].schema.json (the product's own file wins)
 *   actions    DIALECT/actions/PRODUCT/ACTION.schema.json (written by hand), else the action's definition in
 *              DIALECT/actions/PRODUCT/VERSION.actions.json (generated from the providers' descriptions by
 *              `npm run gen:schemas`): the version the request names, else the newest. The configuration's
 *              actionSchemas come first. XML answers are judged by the derived view (xml-view.ts).
 */
export class SchemaRegistry {
  private ajv: Ajv = createAjv();
  private readonly compiled = new Map<string, CompiledSchema | undefined>();
  /** Actions documents read, by $id. */
  private readonly sources = new Map<string, Schema>();
  /** Variants of actions documents added to ajv, by $id. */
  private readonly added = new Set<string>();
  /**
   * What envelope() and action() found for each question asked, compiled schema or none: every exchange
   * asks, and finding the file or the describing document again each time was a few percent of a check.
   */
  private readonly found = new Map<string, CompiledSchema | undefined>();

  private constructor(
    private readonly files: ReadonlyMap<string, string>,
    private readonly documents: ReadonlyMap<string, readonly ActionsDocument[]>,
    private readonly maxCompiled: number,
  ) {}

  /**
   * Lists the schemas of `dir`, and reads the configuration's own action schemas (`extra`: files or
   * folders of `*.actions.json` and `DIALECT/actions/PRODUCT/ACTION.schema.json` files, named by their
   * $id), which add actions and products or override those of schemas/.
   */
  static async load(
    dir: string = schemasDir,
    extra: readonly string[] = [],
    { maxCompiled = MAX_COMPILED }: { maxCompiled?: number } = {},
  ): Promise<SchemaRegistry> {
    const files = new Map<string, string>();
    const users = new Set<string>();
    for (const file of await listFiles(dir)) files.set(file, path.join(dir, file));
    for (const location of extra) {
      const inFolder = await stat(location).then(
        (found) => found.isDirectory(),
        () => {
          throw new InputError(location, "actionSchemas: no such file or folder");
        },
      );
      const found = inFolder ? (await listFiles(location)).map((f) => path.join(location, f)) : [location];
      for (const full of found) {
        const id = readSchema(full, full).$id;
        if (typeof id !== "string" || !(ACTION_FILE.test(id) || ACTIONS_DOCUMENT.test(id))) {
          throw new InputError(
            full,
            `$id ${JSON.stringify(id)} names no action schema: expected DIALECT/actions/PRODUCT/ACTION.schema.json or DIALECT/actions/PRODUCT/YYYY-MM-DD.actions.json`,
          );
        }
        files.set(id, full);
        users.add(id);
      }
    }
    const documents = new Map<string, ActionsDocument[]>();
    for (const [file, where] of files) {
      const match = ACTIONS_DOCUMENT.exec(file);
      if (!match) continue;
      const key = `${match[1]}/${match[2]}`;
      const list = documents.get(key) ?? [];
      list.push({
        id: file,
        version: match[3] as string,
        actions: {},
        path: where,
        own: users.has(file),
      });
      documents.set(key, list);
    }
    // The user's first, then the newest version first.
    for (const list of documents.values())
      list.sort((a, b) => Number(b.own) - Number(a.own) || b.version.localeCompare(a.version));
    return new SchemaRegistry(files, documents, maxCompiled);
  }

  /** Every schema file this registry knows, by $id (schemas/ and the configuration's). */
  ids(): string[] {
    return [...this.files.keys()];
  }

  envelope(
    dialect: Dialect,
    product: string,
    outcome: Exclude<Outcome, "unknown">,
    format: BodyFormat,
  ): CompiledSchema | undefined {
    return this.remembered(`envelope|${dialect}|${outcome}|${format}|${product}`, () => {
      const name = `envelope-${outcome}${format === "xml" ? ".xml" : ""}.schema.json`;
      return this.file(`${dialect}/${product}/${name}`) ?? this.file(`${dialect}/${name}`);
    });
  }

  /**
   * The schema of an action's payload (the dialect's payload pointer): its hand-written file, else its
   * definition in the described product version. `variant` "xml" is the XML view, "closed" the same schema
   * with no member beyond those described (rule unknown-member).
   */
  action(
    dialect: Dialect,
    product: string,
    action: string,
    variant: SchemaVariant,
    version?: string,
  ): CompiledSchema | undefined {
    // Product and action come from the traffic: their lengths keep two questions from reading the same.
    const question = `action|${dialect}|${variant}|${product.length}:${product}|${action.length}:${action}|${version ?? ""}`;
    return this.remembered(question, () => this.findAction(dialect, product, action, variant, version));
  }

  private remembered(question: string, find: () => CompiledSchema | undefined): CompiledSchema | undefined {
    if (this.found.has(question)) return this.found.get(question);
    // Questions with no schema compile nothing, so forgetCompiled() would not bound them: traffic with
    // ever new action names must not grow this map.
    if (this.found.size >= this.maxCompiled * 4) this.found.clear();
    const answer = find();
    this.found.set(question, answer);
    return answer;
  }

  private findAction(
    dialect: Dialect,
    product: string,
    action: string,
    variant: SchemaVariant,
    version?: string,
  ): CompiledSchema | undefined {
    const handWritten = `${dialect}/actions/${product}/${action}.schema.json`;
    const users = this.describing(dialect, product, action, version, true);
    const document =
      users ?? (this.files.has(handWritten) ? undefined : this.describing(dialect, product, action, version));
    if (!document) return this.files.has(handWritten) ? this.file(handWritten, variant) : undefined;
    const name = document.actions[action] as string;
    const id = `${variantId(document.id, variant)}#/definitions/${name}`;
    return this.compile(id, () => {
      this.addDocument(document, variant);
      return { $ref: id };
    });
  }

  /** The described product version that has `action`: the one the request names, else the newest. */
  private describing(
    dialect: Dialect,
    product: string,
    action: string,
    version: string | undefined,
    usersOnly = false,
  ): ActionsDocument | undefined {
    const all = this.documents.get(`${dialect}/${product}`) ?? [];
    const list = usersOnly ? all.filter((d) => d.own) : all;
    const ordered = version ? [...list.filter((d) => d.version === version), ...list] : list;
    for (const document of ordered) {
      this.readActions(document);
      if (Object.hasOwn(document.actions, action)) return document;
    }
    return undefined;
  }

  /** An actions document's x-actions, read once (with the document, kept for adding its variants). */
  private readActions(document: ActionsDocument): void {
    if (this.sources.has(document.id)) return;
    const schema = readSchema(document.path, document.path, document.id);
    this.sources.set(document.id, schema);
    const actions = schema["x-actions"];
    if (actions !== null && typeof actions === "object") document.actions = actions as Record<string, string>;
  }

  private addDocument(document: ActionsDocument, variant: SchemaVariant): void {
    const id = variantId(document.id, variant);
    if (this.added.has(id)) return;
    const schema = this.sources.get(document.id) ?? readSchema(document.path, document.path, document.id);
    this.ajv.addSchema({ ...viewOf(schema, variant), $id: id });
    this.added.add(id);
  }

  private file(id: string, variant: SchemaVariant = "json"): CompiledSchema | undefined {
    const where = this.files.get(id);
    if (!where) return undefined;
    const compiledId = variantId(id, variant);
    return this.compile(compiledId, () => ({
      ...viewOf(readSchema(where, where, id), variant),
      $id: compiledId,
    }));
  }

  private compile(id: string, schema: () => Schema): CompiledSchema | undefined {
    if (this.compiled.has(id)) return this.compiled.get(id);
    if (this.compiled.size >= this.maxCompiled) this.forgetCompiled();
    let compiled: CompiledSchema;
    try {
      compiled = { id, validate: this.ajv.compile(schema()) };
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new Error(`schemas/${id}: does not compile: ${(error as Error).message}`);
    }
    this.compiled.set(id, compiled);
    return compiled;
  }

  /**
   * Lets every compiled schema go, with the ajv instance that holds them (ajv keeps what it compiled for
   * as long as it lives), so that memory does not grow with the number of distinct actions a run meets.
   * The schemas still in use are compiled again on their next exchange.
   */
  private forgetCompiled(): void {
    this.ajv = createAjv();
    this.compiled.clear();
    this.added.clear();
    this.found.clear();
  }
}

/**
 * How many schemas stay compiled at once. Real traffic meets a few hundred actions; a run over every
 * documented example (Tencent's 9,446: 8,584 actions, each once) would otherwise keep them all.
 */
const MAX_COMPILED = 1000;

function viewOf(schema: Schema, variant: SchemaVariant): Schema {
  const forFormat = variant === "xml" || variant === "closed-xml" ? xmlView(schema) : schema;
  return variant.startsWith("closed-") ? closedView(forFormat) : forFormat;
}

const VARIANT_SUFFIX: Record<SchemaVariant, string> = {
  json: "",
  xml: ".xml-view",
  "closed-json": ".closed",
  "closed-xml": ".closed.xml-view",
};

/** The $id a variant is compiled under: the file's own for JSON, a sibling name for the others. */
/** The ids of the variants asked for so far (one regular-expression replace each, once). */
const VARIANT_IDS = new Map<string, string>();

function variantId(id: string, variant: SchemaVariant): string {
  const key = `${variant}\u0000${id}`;
  let found = VARIANT_IDS.get(key);
  if (found === undefined) {
    found = id.replace(/\.(schema|actions)\.json$/, `${VARIANT_SUFFIX[variant]}.$1.json`);
    VARIANT_IDS.set(key, found);
  }
  return found;
}
