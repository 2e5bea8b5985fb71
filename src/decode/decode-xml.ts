import { XMLParser, XMLValidator } from "fast-xml-parser";
import { exceedsDepth } from "./body-depth.js";
import { decodeFailure } from "./decode-problem.js";
import type { DecodedBody, DecodeLimits } from "./decoded-body.js";

/**
 * Element names that are also Object.prototype's members (or `prototype`) reach the parser with this prefix, and lose it
 * again in `restoreNames`. XML allows elements named `constructor`, `__proto__`, `toString` or
 * `hasOwnProperty`; fast-xml-parser builds plain objects keyed by name, so it refuses the first two (its
 * `[SECURITY] Invalid name` error) and renames the others (`__toString`). No XML name starts with a space,
 * so a prefixed name is never one of Object.prototype's, nor one of the parser's own keys (`#text`), and no
 * two names collide. Other names pass unchanged, and a body without such names needs no second walk.
 */
const NAME_PREFIX = " ";

/** The names the parser refuses or renames: Object.prototype's members, and `prototype`. */
const RESERVED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** Whether the body being parsed had a prefixed name (the parser is synchronous: one body at a time). */
let prefixedAny = false;

function prefixName(name: string): string {
  // The parser may hand a name over twice (self-closing elements); once prefixed it is no longer reserved.
  if (!RESERVED_NAMES.has(name)) return name;
  prefixedAny = true;
  return NAME_PREFIX + name;
}

/**
 * The XML→JSON normalisation of docs/schemas.md: the root element is set aside (its name is returned as
 * `xmlRoot`) and its children become an object; an element with children becomes an object; a leaf becomes
 * its text as a string; repeated siblings become an array; attributes, comments and the declaration are
 * dropped. DTDs are refused outright: Alibaba never sends one, and entity declarations are how
 * entity-expansion ("billion laughs") attacks work.
 */
function createParser(maxDepth: number): XMLParser {
  return new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    transformTagName: prefixName,
    // Depth is checked before parsing (openTagsBeyond) and after (exceedsDepth) against the configured
    // limit; the parser's own limit (100 by default) must not refuse what that limit allows.
    maxNestedTags: maxDepth + 1,
  });
}

const parsers = new Map<number, XMLParser>();

function parserFor(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth);
  if (!parser) {
    parser = createParser(maxDepth);
    parsers.set(maxDepth, parser);
  }
  return parser;
}

/**
 * The parsed value with every element name restored, built the way JSON.parse builds objects: each name is
 * an own property of a plain object (defined, never assigned, so that `__proto__` is data and not the
 * object's prototype). The JSON and XML answers to one call then decode to values of the same kind.
 */
function restoreNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restoreNames);
  if (value === null || typeof value !== "object") return value;
  const restored: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = key.startsWith(NAME_PREFIX) ? key.slice(NAME_PREFIX.length) : key;
    Object.defineProperty(restored, name, {
      value: restoreNames(child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return restored;
}

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;
/** A cheap upper bound of element depth, checked before the recursive parser sees the text. */
function openTagsBeyond(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 47 /* / */) depth--;
    else if (next !== 33 /* ! */ && next !== 63 /* ? */) {
      const close = text.indexOf(">", i);
      if (close === -1 || text.charCodeAt(close - 1) !== 47 /* self-closing */) depth++;
    }
    if (depth > limit) return true;
  }
  return false;
}

function tooDeep(limits: DecodeLimits): DecodedBody {
  return decodeFailure("xml", "tooDeep", { maxDepth: limits.maxDepth });
}

export function decodeXml(text: string, limits: DecodeLimits): DecodedBody {
  if (text.trim() === "") return decodeFailure("xml", "empty", { format: "XML" });
  if (DOCTYPE.test(text)) return decodeFailure("xml", "dtdRefused");
  if (openTagsBeyond(text, limits.maxDepth)) return tooDeep(limits);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return col === undefined
      ? decodeFailure("xml", "malformedXmlAtLine", { reason: msg, line })
      : decodeFailure("xml", "malformedXml", { reason: msg, line, column: col });
  }
  let document: Record<string, unknown>;
  try {
    prefixedAny = false;
    const parsed = parserFor(limits.maxDepth).parse(text) as Record<string, unknown>;
    document = prefixedAny ? (restoreNames(parsed) as Record<string, unknown>) : parsed;
  } catch (error) {
    // One body never costs the others: whatever the parser refuses fails body-parseable, the run goes on.
    const reason = (error as Error).message;
    if (/nested tags/i.test(reason)) return tooDeep(limits);
    return decodeFailure("xml", "xmlRefused", { reason });
  }
  const roots = Object.keys(document);
  if (roots.length !== 1) {
    return decodeFailure("xml", "xmlRootCount", { roots: roots.length });
  }
  const xmlRoot = roots[0] as string;
  const content = document[xmlRoot];
  const value = content === "" ? {} : content;
  if (exceedsDepth(value, limits.maxDepth)) return tooDeep(limits);
  return { ok: true, format: "xml", value, xmlRoot };
}
