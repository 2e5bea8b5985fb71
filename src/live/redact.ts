import type { HeaderMap, RawExchange } from "../model/exchange.js";

export const REDACTED = "[REDACTED]";

/** Header and parameter names that carry credentials, signatures or tokens. */
const SENSITIVE_NAME =
  /authorization|signature|token|secret|password|passwd|credential|accesskey|cookie|^x-acs-accesskey-id$/i;

function redactHeaders(headers: HeaderMap): HeaderMap {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SENSITIVE_NAME.test(name) ? REDACTED : value]),
  );
}

function redactParams(params: URLSearchParams): boolean {
  let changed = false;
  for (const name of [...new Set(params.keys())]) {
    if (SENSITIVE_NAME.test(name)) {
      params.set(name, REDACTED);
      changed = true;
    }
  }
  return changed;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const changed = redactParams(parsed.searchParams);
    if (parsed.username || parsed.password) {
      parsed.username = "";
      parsed.password = "";
      return parsed.toString();
    }
    return changed ? parsed.toString() : url;
  } catch {
    return url;
  }
}

function redactBody(body: string, contentType: string | undefined): string {
  if (!contentType?.includes("application/x-www-form-urlencoded")) return body;
  const params = new URLSearchParams(body);
  return redactParams(params) ? params.toString() : body;
}

/** Every occurrence of a known secret value, wherever it hides (a body, an echoed header). */
function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  return result;
}

/**
 * The exchange as it may be written to a recording: Authorization headers, signatures, key ids,
 * passwords and tokens replaced by [REDACTED], by name, and every known credential value scrubbed from
 * whatever text is left.
 */
export function redactExchange(exchange: RawExchange, secrets: readonly string[]): RawExchange {
  const { request, response } = exchange;
  const clean = (text: string) => scrub(text, secrets);
  const cleanHeaders = (headers: HeaderMap) =>
    Object.fromEntries(Object.entries(redactHeaders(headers)).map(([name, value]) => [name, clean(value)]));
  return {
    ...exchange,
    source: { ...exchange.source, file: clean(redactUrl(exchange.source.file)) },
    request: {
      method: request.method,
      url: clean(redactUrl(request.url)),
      headers: cleanHeaders(request.headers),
      body: clean(redactBody(request.body, request.headers["content-type"])),
    },
    response: { ...response, headers: cleanHeaders(response.headers), body: clean(response.body) },
  };
}

/** A target URL fit for a log or a report: no user name or password in it. */
export function displayUrl(url: URL | string): string {
  return redactUrl(url.toString());
}
