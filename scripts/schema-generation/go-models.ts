/**
 * A parser for the generated model code of two official Go SDKs, read in place from ../shared/corpus/:
 * alibaba-cloud-sdk-go (services/kms, services/ess: one file per action plus struct_*.go) and
 * zenlayercloud-sdk-go (zenlayercloud/SERVICEVERSION/models.go and client.go).
 *
 * It is NOT a parser of Go. It knows the regular shape those code generators emit and nothing more:
 * top-level `type Name struct { … }` declarations whose fields are one per line,
 * `Name Type \`tag:"…" …\`` (a tag is optional), with types built from the predeclared basic types, named
 * types (`Foo`, `requests.Integer`), pointers `*T`, slices `[]T`, maps `map[K]V`, `interface{}`/`any` and
 * inline anonymous structs `struct { … }`, and embedded fields (`*responses.BaseResponse`,
 * `*common.BaseResponse`, `*requests.RpcRequest`), which are recorded apart. Comments directly above a
 * field (or after it on its line) become its doc. Everything else at the top level (imports, functions,
 * variables) is skipped by matching braces; inside a struct, anything outside that shape (several names on
 * one line, arrays `[N]T`, channels, functions, generics, a field without a type) throws an error that
 * names the file and line, so that a change in the generators is noticed rather than mis-read.
 */

export type GoBasicName =
  | "string"
  | "bool"
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "float32"
  | "float64"
  | "byte"
  | "rune";

const BASIC_NAMES: ReadonlySet<string> = new Set<GoBasicName>([
  "string",
  "bool",
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
  "byte",
  "rune",
]);

export type GoType =
  | { kind: "basic"; name: GoBasicName }
  /** A named type: `Foo` in the same package, or `requests.Integer` (with its package). */
  | { kind: "named"; name: string; package?: string }
  | { kind: "pointer"; elem: GoType }
  | { kind: "slice"; elem: GoType }
  | { kind: "map"; key: GoType; elem: GoType }
  /** `interface{}` or `any`. */
  | { kind: "interface" }
  /** An inline anonymous struct. */
  | { kind: "struct"; fields: GoField[]; embedded: GoType[] };

export interface GoField {
  name: string;
  type: GoType;
  /** The struct tag's key:"value" pairs, e.g. { json: "keyId,omitempty", xml: "KeyId" }. */
  tags: Record<string, string>;
  /** The comment lines directly above the field, or else the comment after it on its line. */
  doc?: string;
  line: number;
}

export interface GoStruct {
  name: string;
  fields: GoField[];
  /** Embedded fields (`*responses.BaseResponse`): recorded, not fields of the wire form. */
  embedded: GoType[];
  line: number;
}

/** The JSON member a field is read from, after Go's encoding/json rules for the `json` tag. */
export interface JsonName {
  name: string;
  omitempty: boolean;
}

/** `json:"a,omitempty"` → {name: "a", omitempty: true}; no tag → the Go name; `json:"-"` → undefined. */
export function jsonNameOf(field: GoField): JsonName | undefined {
  const tag = field.tags.json;
  if (tag === undefined) return { name: field.name, omitempty: false };
  const [name = "", ...options] = tag.split(",");
  if (name === "-" && options.length === 0) return undefined;
  return { name: name === "" ? field.name : name, omitempty: options.includes("omitempty") };
}

type TokenKind = "ident" | "punct" | "rawString" | "string" | "comment" | "newline" | "other";
interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${file}:${line}: ${what}`);
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === "\n") {
      tokens.push({ kind: "newline", text: "\n", line });
      line += 1;
      i += 1;
    } else if (c === " " || c === "\t" || c === "\r") {
      i += 1;
    } else if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      tokens.push({ kind: "comment", text: source.slice(i + 2, stop).trim(), line });
      i = stop;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) fail("unterminated /* comment");
      const text = source.slice(i + 2, end);
      tokens.push({ kind: "comment", text: text.trim(), line });
      line += text.split("\n").length - 1;
      i = end + 2;
    } else if (c === "`") {
      const end = source.indexOf("`", i + 1);
      if (end === -1) fail("unterminated raw string");
      const text = source.slice(i + 1, end);
      tokens.push({ kind: "rawString", text, line });
      line += text.split("\n").length - 1;
      i = end + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === "\\") j += 1;
        if (source[j] === "\n") fail("newline in a string literal");
        j += 1;
      }
      if (j >= source.length) fail("unterminated string literal");
      tokens.push({ kind: "string", text: source.slice(i, j + 1), line });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 200)) as RegExpExecArray;
      tokens.push({ kind: "ident", text: match[0], line });
      i += match[0].length;
    } else if ("{}[]()*.,;".includes(c)) {
      tokens.push({ kind: "punct", text: c, line });
      i += 1;
    } else {
      // Operators, numbers and the like: only meaningful inside code this parser skips.
      tokens.push({ kind: "other", text: c, line });
      i += 1;
    }
  }
  return tokens;
}

/** `json:"a,omitempty" xml:"b"` → { json: "a,omitempty", xml: "b" }, following reflect.StructTag's syntax. */
export function parseStructTag(tag: string, where = "tag"): Record<string, string> {
  const tags: Record<string, string> = {};
  const pattern = /\s*([^\s:"]+):"((?:[^"\\]|\\.)*)"/y;
  let rest = tag.trim();
  while (rest !== "") {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match) throw new Error(`${where}: malformed struct tag \`${tag}\``);
    tags[match[1] as string] = (match[2] as string).replace(/\\(.)/g, "$1");
    rest = rest.slice(match[0].length).trim();
  }
  return tags;
}

class StructParser {
  private pos = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly file: string,
  ) {}

  parseFile(): Map<string, GoStruct> {
    const structs = new Map<string, GoStruct>();
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos] as Token;
      if (depth === 0 && token.kind === "ident" && token.text === "type") {
        const struct = this.parseTypeDeclaration();
        if (structs.has(struct.name)) this.fail(`type ${struct.name} declared twice`, token);
        structs.set(struct.name, struct);
        continue;
      }
      if (token.kind === "punct" && (token.text === "{" || token.text === "(")) depth += 1;
      if (token.kind === "punct" && (token.text === "}" || token.text === ")")) depth -= 1;
      if (depth < 0) this.fail("unbalanced braces", token);
      this.pos += 1;
    }
    return structs;
  }

  private fail(what: string, token = this.tokens[this.pos]): never {
    throw new Error(`${this.file}:${token?.line ?? "end"}: ${what}`);
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): Token {
    const token = this.tokens[this.pos];
    if (!token) this.fail("unexpected end of file");
    this.pos += 1;
    return token as Token;
  }

  private expect(kind: TokenKind, text?: string): Token {
    const token = this.next();
    if (token.kind !== kind || (text !== undefined && token.text !== text)) {
      this.fail(`expected ${text ?? kind}, found ${JSON.stringify(token.text)}`, token);
    }
    return token;
  }

  private parseTypeDeclaration(): GoStruct {
    const start = this.expect("ident", "type");
    const name = this.next();
    if (name.kind !== "ident")
      this.fail(`a type declaration this parser does not know: type ${name.text}`, name);
    const kind = this.peek();
    if (kind?.kind !== "ident" || kind.text !== "struct") {
      this.fail(`type ${name.text} is not a struct (found ${JSON.stringify(kind?.text)})`, kind);
    }
    this.pos += 1;
    const { fields, embedded } = this.parseStructBody();
    return { name: name.text, fields, embedded, line: start.line };
  }

  /** After `struct`: `{ fields }`. */
  private parseStructBody(): { fields: GoField[]; embedded: GoType[] } {
    this.expect("punct", "{");
    const fields: GoField[] = [];
    const embedded: GoType[] = [];
    let doc: string[] = [];
    for (;;) {
      const token = this.peek();
      if (!token) this.fail("unterminated struct");
      if (token.kind === "newline") {
        // A blank line ends a doc comment block.
        if (this.peek(-1)?.kind === "newline") doc = [];
        this.pos += 1;
        continue;
      }
      if (token.kind === "comment") {
        doc.push(token.text);
        this.pos += 1;
        continue;
      }
      if (token.kind === "punct" && token.text === "}") {
        this.pos += 1;
        return { fields, embedded };
      }
      const field = this.parseFieldLine(doc);
      doc = [];
      if ("embedded" in field) embedded.push(field.embedded);
      else fields.push(field);
    }
  }

  private parseFieldLine(doc: string[]): GoField | { embedded: GoType } {
    const first = this.peek() as Token;
    if (first.kind === "punct" && first.text === "*") {
      const type = this.parseType();
      this.endOfField(first);
      return { embedded: type };
    }
    if (first.kind !== "ident") this.fail(`unexpected ${JSON.stringify(first.text)} in a struct`, first);
    const second = this.peek(1);
    if (second?.kind === "punct" && second.text === ",") {
      this.fail(`several field names on one line (${first.text}, …): not the generated shape`, first);
    }
    // An embedded named type: `Foo` or `pkg.Foo` alone on its line.
    if (
      second?.kind === "newline" ||
      (second?.kind === "punct" && second.text === "}") ||
      (second?.kind === "punct" && second.text === ".")
    ) {
      const type = this.parseType();
      this.endOfField(first);
      return { embedded: type };
    }
    this.pos += 1;
    const type = this.parseType();
    let tags: Record<string, string> = {};
    if (this.peek()?.kind === "rawString") {
      tags = parseStructTag(this.next().text, `${this.file}:${first.line}`);
    } else if (this.peek()?.kind === "string") {
      tags = parseStructTag(JSON.parse(this.next().text) as string, `${this.file}:${first.line}`);
    }
    const trailing = this.endOfField(first);
    const text = (doc.length > 0 ? doc : trailing).join("\n").trim();
    return { name: first.text, type, tags, ...(text ? { doc: text } : {}), line: first.line };
  }

  /** A field ends at the end of its line (after an optional comment) or at the struct's closing brace. */
  private endOfField(first: Token): string[] {
    const trailing: string[] = [];
    if (this.peek()?.kind === "comment") trailing.push(this.next().text);
    const end = this.peek();
    if (end?.kind === "newline" || (end?.kind === "punct" && end.text === "}")) return trailing;
    if (end?.kind === "punct" && end.text === ";") {
      this.pos += 1;
      return trailing;
    }
    return this.fail(`unexpected ${JSON.stringify(end?.text)} after field ${first.text}`, end);
  }

  private parseType(): GoType {
    const token = this.next();
    if (token.kind === "punct" && token.text === "*") return { kind: "pointer", elem: this.parseType() };
    if (token.kind === "punct" && token.text === "[") {
      const close = this.next();
      if (close.kind !== "punct" || close.text !== "]") {
        this.fail(`array type [${close.text}…]: only slices []T are expected`, close);
      }
      return { kind: "slice", elem: this.parseType() };
    }
    if (token.kind !== "ident") this.fail(`unexpected ${JSON.stringify(token.text)} in a type`, token);
    switch (token.text) {
      case "map": {
        this.expect("punct", "[");
        const key = this.parseType();
        this.expect("punct", "]");
        return { kind: "map", key, elem: this.parseType() };
      }
      case "interface":
        this.expect("punct", "{");
        if (this.peek()?.kind !== "punct" || this.peek()?.text !== "}") {
          this.fail("interface with methods: only interface{} is expected", token);
        }
        this.pos += 1;
        return { kind: "interface" };
      case "any":
        return { kind: "interface" };
      case "struct": {
        const { fields, embedded } = this.parseStructBody();
        return { kind: "struct", fields, embedded };
      }
      case "chan":
      case "func":
        return this.fail(`${token.text} type in a model: not the generated shape`, token);
    }
    if (BASIC_NAMES.has(token.text)) return { kind: "basic", name: token.text as GoBasicName };
    if (this.peek()?.kind === "punct" && this.peek()?.text === ".") {
      this.pos += 1;
      const name = this.expect("ident");
      return { kind: "named", name: name.text, package: token.text };
    }
    if (this.peek()?.kind === "punct" && this.peek()?.text === "[") {
      this.fail(`generic type ${token.text}[…]: not the generated shape`, token);
    }
    if (!/^[A-Za-z_]/.test(token.text)) this.fail(`unknown type ${token.text}`, token);
    // complex64/complex128/uintptr are Go types but not JSON-decodable ones the SDKs use.
    if (["complex64", "complex128", "uintptr", "error"].includes(token.text)) {
      this.fail(`unexpected type ${token.text} in a model`, token);
    }
    return { kind: "named", name: token.text };
  }
}

/** Every `type X struct { … }` declared at the top level of one generated Go file. */
export function parseGoStructs(source: string, file = "<source>"): Map<string, GoStruct> {
  return new StructParser(tokenize(source, file), file).parseFile();
}

/** A Go type as Go would write it (for messages). */
export function goTypeText(type: GoType): string {
  switch (type.kind) {
    case "basic":
      return type.name;
    case "named":
      return type.package ? `${type.package}.${type.name}` : type.name;
    case "pointer":
      return `*${goTypeText(type.elem)}`;
    case "slice":
      return `[]${goTypeText(type.elem)}`;
    case "map":
      return `map[${goTypeText(type.key)}]${goTypeText(type.elem)}`;
    case "interface":
      return "interface{}";
    case "struct":
      return "struct{…}";
  }
}

// ---------------------------------------------------------------------------------------------------------
// From parsed models to JSON Schema (draft-07): shared by alibaba.ts and zenlayer.ts.

export type JsonSchema = Record<string, unknown>;

export interface SchemaMapping {
  /** The SDK's name, for messages ("alibaba-cloud-sdk-go services/kms"). */
  where: string;
  /** Every struct of the package, by Go name. */
  structs: ReadonlyMap<string, GoStruct>;
  /**
   * Whether a JSON null is allowed for a value of this Go type (the generators' decision, see their
   * comments). Called for the field's declared type, before a pointer is stripped.
   */
  allowsNull(type: GoType): boolean;
  /** What a pointer means; Alibaba's models have none and refuse them. */
  pointer: "allowed" | "refused";
  /** Put the Go doc comments into `description`. */
  descriptions: boolean;
}

export const INTEGER_NAMES: ReadonlySet<string> = new Set(["int", "int8", "int16", "int32", "int64", "rune"]);
export const UNSIGNED_NAMES: ReadonlySet<string> = new Set([
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "byte",
]);

/** Adds "null" to a schema's type, or wraps a $ref: the form a nil-able Go value takes. */
function withNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (schema.type === undefined && Object.keys(schema).length === 0) return schema; // {} already allows null
  const { description, ...rest } = schema;
  return {
    ...(description !== undefined ? { description } : {}),
    anyOf: [rest, { type: "null" }],
  };
}

/** Collects the named structs reached from the roots, and turns types into schemas. */
export class GoSchemaBuilder {
  /** Named structs reached so far, to put into `definitions`. */
  readonly reached = new Set<string>();

  constructor(private readonly mapping: SchemaMapping) {}

  /** A struct's fields as an object schema (embedded fields skipped: they carry no wire member here). */
  objectSchema(fields: readonly GoField[], where: string): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    for (const field of fields) {
      const json = jsonNameOf(field);
      if (json === undefined) continue;
      if (Object.hasOwn(properties, json.name)) {
        throw new Error(`${this.mapping.where}: ${where} has two fields named ${JSON.stringify(json.name)}`);
      }
      const schema = this.fieldSchema(field.type, `${where}.${field.name}`);
      if (this.mapping.descriptions && field.doc) {
        properties[json.name] = { description: field.doc, ...schema };
      } else {
        properties[json.name] = schema;
      }
    }
    // Extra members pass (docs/schemas.md: providers add fields, an unknown field is not a defect).
    return { type: "object", properties, additionalProperties: true };
  }

  /** The schema of a named struct's definition. */
  definition(name: string): JsonSchema {
    const struct = this.mapping.structs.get(name);
    if (!struct) throw new Error(`${this.mapping.where}: no struct ${name}`);
    return this.objectSchema(struct.fields, name);
  }

  private fieldSchema(type: GoType, where: string): JsonSchema {
    const schema = this.typeSchema(type, where);
    return this.mapping.allowsNull(type) ? withNull(schema) : schema;
  }

  typeSchema(type: GoType, where: string): JsonSchema {
    switch (type.kind) {
      case "basic":
        if (type.name === "string") return { type: "string" };
        if (type.name === "bool") return { type: "boolean" };
        if (type.name === "float32" || type.name === "float64") return { type: "number" };
        if (INTEGER_NAMES.has(type.name)) return { type: "integer" };
        if (UNSIGNED_NAMES.has(type.name)) return { type: "integer", minimum: 0 };
        break;
      case "named": {
        if (type.package !== undefined || !this.mapping.structs.has(type.name)) {
          throw new Error(
            `${this.mapping.where}: ${where} has type ${goTypeText(type)}, which is not a struct of the package`,
          );
        }
        this.reached.add(type.name);
        return { $ref: `#/definitions/${type.name}` };
      }
      case "pointer":
        if (this.mapping.pointer === "refused") {
          throw new Error(
            `${this.mapping.where}: ${where} is a pointer (${goTypeText(type)}), not expected here`,
          );
        }
        return this.typeSchema(type.elem, where);
      case "slice":
        return { type: "array", items: this.fieldSchema(type.elem, `${where}[]`) };
      case "map":
        if (type.key.kind !== "basic" || type.key.name !== "string") {
          throw new Error(
            `${this.mapping.where}: ${where} is ${goTypeText(type)}: only string keys are expected`,
          );
        }
        return { type: "object", additionalProperties: this.fieldSchema(type.elem, `${where}{}`) };
      case "interface":
        return {};
      case "struct":
        if (type.embedded.length > 0) {
          throw new Error(`${this.mapping.where}: ${where} is an inline struct with an embedded field`);
        }
        return this.objectSchema(type.fields, where);
    }
    throw new Error(
      `${this.mapping.where}: ${where} has type ${goTypeText(type)}, which has no JSON Schema here`,
    );
  }

  /** The definitions of every struct reached, including those reached from other definitions, by name. */
  definitions(): Record<string, JsonSchema> {
    const done = new Map<string, JsonSchema>();
    for (;;) {
      const pending = [...this.reached].filter((name) => !done.has(name));
      if (pending.length === 0) break;
      for (const name of pending) done.set(name, this.definition(name));
    }
    return sortedByKey(Object.fromEntries(done));
  }
}

/** The same record with its keys in code-point order (generated files must not depend on walk order). */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
