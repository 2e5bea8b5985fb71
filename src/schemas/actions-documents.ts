import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { schemasDir } from "../project-paths.js";
import type { Dialect } from "../providers/dialect.js";

type Schema = Record<string, unknown>;

/** The top-level request parameters of an action (`x-requests`, docs/schemas.md "Request parameters"). */
export interface RequestDescription {
  type: "object";
  properties?: Readonly<Record<string, ParameterDescription>>;
  required?: readonly string[];
}

export interface ParameterDescription {
  type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /** Required parameters carry their documented example (or a plain value of the type). */
  examples?: readonly unknown[];
}

/**
 * One generated `DIALECT/actions/PRODUCT/YYYY-MM-DD.actions.json`: action → definition of its response,
 * the definitions, and action → its request parameters.
 */
export interface ActionsDocument {
  version: string;
  actions: Readonly<Record<string, string>>;
  definitions: Readonly<Record<string, Schema>>;
  requests: Readonly<Record<string, RequestDescription>>;
  /**
   * Documented example payloads by action (`DIALECT/examples/PRODUCT/VERSION.examples.json`, generated for
   * the registry's Tencent products: docs/schemas.md); empty where there is none.
   */
  examples: Readonly<Record<string, Record<string, unknown>>>;
}

const DOCUMENT_FILE = /^(\d{4}-\d{2}-\d{2})\.actions\.json$/;

/**
 * The generated actions documents of schemas/ (docs/schemas.md), read on first use and cached for the
 * process: which versions a product has, and each document once.
 */
export class ActionsDocuments {
  private readonly versions = new Map<string, readonly string[]>();
  private readonly documents = new Map<string, ActionsDocument | undefined>();

  constructor(private readonly dir: string = schemasDir) {}

  /** The product's described versions, newest first. */
  versionsOf(dialect: Dialect, product: string): readonly string[] {
    const key = `${dialect}/${product}`;
    let found = this.versions.get(key);
    if (!found) {
      let names: string[] = [];
      try {
        names = readdirSync(path.join(this.dir, dialect, "actions", product));
      } catch {
        names = [];
      }
      found = names
        .map((n) => DOCUMENT_FILE.exec(n)?.[1])
        .filter((v): v is string => v !== undefined)
        .sort()
        .reverse();
      this.versions.set(key, found);
    }
    return found;
  }

  document(dialect: Dialect, product: string, version: string): ActionsDocument | undefined {
    const key = `${dialect}/${product}/${version}`;
    if (this.documents.has(key)) return this.documents.get(key);
    const file = path.join(this.dir, dialect, "actions", product, `${version}.actions.json`);
    let document: ActionsDocument | undefined;
    try {
      const schema = JSON.parse(readFileSync(file, "utf8")) as Schema;
      document = {
        version,
        actions: (schema["x-actions"] ?? {}) as Record<string, string>,
        definitions: (schema.definitions ?? {}) as Record<string, Schema>,
        requests: (schema["x-requests"] ?? {}) as Record<string, RequestDescription>,
        examples: this.examplesOf(dialect, product, version),
      };
    } catch {
      document = undefined;
    }
    this.documents.set(key, document);
    return document;
  }

  private examplesOf(
    dialect: Dialect,
    product: string,
    version: string,
  ): Record<string, Record<string, unknown>> {
    const file = path.join(this.dir, dialect, "examples", product, `${version}.examples.json`);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return {};
    }
    return ((JSON.parse(text) as { examples?: unknown }).examples ?? {}) as Record<
      string,
      Record<string, unknown>
    >;
  }

  /** The document that describes `action`: the version named, else the newest that has it. */
  describing(
    dialect: Dialect,
    product: string,
    action: string,
    version?: string,
  ): ActionsDocument | undefined {
    const all = this.versionsOf(dialect, product);
    const ordered = version && all.includes(version) ? [version, ...all.filter((v) => v !== version)] : all;
    for (const v of ordered) {
      const document = this.document(dialect, product, v);
      if (document && Object.hasOwn(document.actions, action)) return document;
    }
    return undefined;
  }
}

let shared: ActionsDocuments | undefined;

/** The process's actions documents of schemas/ (they do not change while it runs), read once for all. */
export function actionsDocuments(): ActionsDocuments {
  shared ??= new ActionsDocuments();
  return shared;
}
