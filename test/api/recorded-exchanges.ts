import { readFileSync } from "node:fs";
import path from "node:path";
import type { HarEntry } from "../../src/contracts/recorded-examples.js";
import type { PlainExchange } from "../../src/package/index.js";
import { projectRoot } from "../support/run-cli.js";

const pairs = (headers: { name: string; value: string }[]) =>
  Object.fromEntries(headers.map(({ name, value }) => [name, value]));

/** The entries of a shipped recording (recordings/NAME.har) as the plain exchanges a user's test holds. */
export function recordedExchanges(name: string): PlainExchange[] {
  const har = JSON.parse(readFileSync(path.join(projectRoot, "recordings", `${name}.har`), "utf8")) as {
    log: { entries: HarEntry[] };
  };
  return har.log.entries.map(({ request, response }) => ({
    request: {
      method: request.method,
      url: request.url,
      headers: pairs(request.headers),
      body: request.postData?.text ?? "",
    },
    response: {
      status: response.status,
      headers: pairs(response.headers),
      body: response.content.text ?? "",
    },
  }));
}

/** The first exchange whose request names `action` (X-TC-Action, X-ZC-Action or Action) and whose body `is`. */
export function exchangeOf(
  exchanges: PlainExchange[],
  action: string,
  // biome-ignore lint/suspicious/noExplicitAny: a test reads a recorded body freely
  is: (body: any) => boolean,
): PlainExchange {
  const found = exchanges.find((exchange) => {
    const headers = exchange.request.headers as Record<string, string>;
    const named =
      Object.entries(headers).some(([k, v]) => /^x-(tc|zc)-action$/i.test(k) && v === action) ||
      new URL(String(exchange.request.url)).searchParams.get("Action") === action;
    return named && is(JSON.parse(String(exchange.response.body)));
  });
  if (!found) throw new Error(`no such exchange of ${action} in the recording`);
  return found;
}

/** A copy of `exchange` whose JSON response body `edit` has changed. */
// biome-ignore lint/suspicious/noExplicitAny: a test edits a recorded body freely
export function withBody(exchange: PlainExchange, edit: (body: any) => void): PlainExchange {
  const body = JSON.parse(String(exchange.response.body));
  edit(body);
  return { ...exchange, response: { ...exchange.response, body: JSON.stringify(body) } };
}
