/**
 * HTML escaping, the one way report text reaches the page. `html` is a tagged template that escapes every
 * interpolated string or number (as text and inside quoted attributes alike); only values already wrapped
 * in `SafeHtml` (built by `html` itself or `trustedHtml` over constant markup) pass through unchanged.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes & < > " ' so that the text is inert in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup this module built or a constant written in the source; never text read from a report. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | null | undefined | false;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeHtml(value);
  let out = "";
  for (const item of value) out += render(item);
  return out;
}

/** Markup with every interpolation escaped (arrays are joined, null/undefined/false render nothing). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Wraps markup that is already safe: constants in the source, or the output of escapeHtml. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
