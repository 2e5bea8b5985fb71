import type { ExchangeResult } from "../../types/generated/report.js";
import { escapeHtml, html, type SafeHtml, trustedHtml } from "./escape-html.js";
import { jsonDepth, PRETTY_MAX_DEPTH, prettyJson } from "./pretty-json.js";

/** How one offending body is shown: escaped, never rendered; JSON pretty-printed with the pointers marked. */
export interface BodyView {
  markup: SafeHtml;
  /** Pointers that were marked in the body. */
  located: ReadonlySet<string>;
  /** Why pointers cannot be marked at all in this body (XML, not JSON, truncated, …), if so. */
  unmarkable?: string;
  /** Characters of markup the body itself took (for the page's body budget). */
  size: number;
}

const NONE: ReadonlySet<string> = new Set();

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === "{" || first === "[";
}

/**
 * The body of `result` as a block: a line on its type and size (and truncation), then the body in a <pre>.
 * `marks` maps pointers to the <mark> title; `budget` is what is left of the page's allowance for bodies.
 */
export function renderBodyView(
  result: Pick<ExchangeResult, "response" | "format">,
  marks: ReadonlyMap<string, string>,
  budget: number,
): BodyView {
  const response = result.response;
  if (response === undefined) {
    return {
      markup: html`<p class="note">The report holds no excerpt of this body.</p>`,
      located: NONE,
      unmarkable: "no body in the report",
      size: 0,
    };
  }
  const facts = [
    `Content-Type: ${response.contentType ?? "(none)"}`,
    `${formatBytes(response.bodyBytes)}`,
    response.truncated
      ? `truncated: the report keeps the first ${response.body.length.toLocaleString("en-US")} characters`
      : "",
  ].filter((f) => f !== "");
  const head = html`<p class="note">Response body · ${facts.join(" · ")}</p>`;
  if (response.body === "") {
    return { markup: html`${head}<p class="note">(empty body)</p>`, located: NONE, size: 0 };
  }
  if (response.body.length > budget) {
    return {
      markup: html`${head}<p class="more">Body not shown: this page already holds as many bodies as it can stay light with (see conformance.json).</p>`,
      located: NONE,
      unmarkable: "body not shown",
      size: 0,
    };
  }

  let body: string;
  let located: ReadonlySet<string> = NONE;
  let unmarkable: string | undefined;
  const isJson = result.format === "json" || looksLikeJson(response.body);
  if (isJson && parses(response.body) && jsonDepth(response.body) <= PRETTY_MAX_DEPTH) {
    const pretty = prettyJson(response.body, marks);
    body = pretty.markup;
    located = pretty.located;
  } else {
    body = escapeHtml(response.body);
    unmarkable =
      result.format === "xml" && !looksLikeJson(response.body)
        ? "XML is shown as received"
        : response.truncated
          ? "the body is truncated, so it is shown as received"
          : isJson && parses(response.body)
            ? "the body nests too deep to pretty-print"
            : "the body is not valid JSON, so it is shown as received";
  }
  const markup = html`${head}<pre class="body">${trustedHtml(body)}</pre>`;
  return { markup, located, ...(unmarkable ? { unmarkable } : {}), size: body.length };
}
