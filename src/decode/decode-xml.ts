import { XMLParser, XMLValidator } from "fast-xml-parser";
import { exceedsDepth } from "./body-depth.js";
import type { DecodedBody, DecodeLimits } from "./decoded-body.js";

/**
 * The XML→JSON normalisation of docs/schemas.md: the root element is set aside (its name is returned as
 * `xmlRoot`) and its children become an object; an element with children becomes an object; a leaf becomes
 * its text as a string; repeated siblings become an array; attributes, comments and the declaration are
 * dropped. DTDs are refused outright: Alibaba never sends one, and entity declarations are how
 * entity-expansion ("billion laughs") attacks work.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

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

export function decodeXml(text: string, limits: DecodeLimits): DecodedBody {
  if (text.trim() === "") return { ok: false, format: "xml", message: "body is empty, expected XML" };
  if (DOCTYPE.test(text)) {
    return {
      ok: false,
      format: "xml",
      message: "body declares a DOCTYPE or ENTITY; DTDs are refused (entity expansion, e.g. billion laughs)",
    };
  }
  if (openTagsBeyond(text, limits.maxDepth)) {
    return {
      ok: false,
      format: "xml",
      message: `body nests deeper than ${limits.maxDepth} levels (maxDepth); not judged further`,
    };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    return { ok: false, format: "xml", message: `body is not well-formed XML: ${msg} (${where})` };
  }
  const document = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(document);
  if (roots.length !== 1) {
    return { ok: false, format: "xml", message: `body has ${roots.length} root elements, expected one` };
  }
  const xmlRoot = roots[0] as string;
  const content = document[xmlRoot];
  const value = content === "" ? {} : content;
  if (exceedsDepth(value, limits.maxDepth)) {
    return {
      ok: false,
      format: "xml",
      message: `body nests deeper than ${limits.maxDepth} levels (maxDepth); not judged further`,
    };
  }
  return { ok: true, format: "xml", value, xmlRoot };
}
