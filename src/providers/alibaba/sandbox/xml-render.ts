/** Characters XML 1.0 cannot carry at all, dropped from text (they could come from a request). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join("");
  if (typeof value === "object") return `<${name}>${children(value as Record<string, unknown>)}</${name}>`;
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

function children(object: Record<string, unknown>): string {
  return Object.entries(object)
    .map(([name, value]) => element(name, value))
    .join("");
}

/**
 * The XML form of an Alibaba RPC answer, as the products send it for Format=XML: the declaration, then
 * the root element holding one element per member. A list member `{"Region": [a, b]}` repeats its
 * element (`<Region>a</Region><Region>b</Region>`), numbers and booleans become text. Member names
 * are the sandbox's own, never the request's, so they are always legal element names.
 */
export function toXml(root: string, content: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${children(content)}</${root}>`;
}
