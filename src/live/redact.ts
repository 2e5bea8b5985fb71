import type { HeaderMap, RawExchange, RecordedRequest } from "../model/exchange.js";
import type { Credentials } from "../providers/credentials.js";

export const REDACTED = "[REDACTED]";

/** Header and parameter names that carry credentials, signatures or tokens: their values are hidden. */
const SENSITIVE_NAME =
  /authorization|signature|token|secret|password|passwd|credential|accesskey|cookie|^x-acs-accesskey-id$/i;

/**
 * The sensitive names whose values are credential material, to be scrubbed wherever they are echoed.
 * SignatureMethod, SignatureVersion, SignatureNonce and X-ZC-Signature-Method are hidden by name but are
 * not secrets: their values ("HMAC-SHA1", "1.0") are not hunted down in bodies.
 */
const CREDENTIAL_NAME =
  /authorization|token|secret|password|passwd|credential|accesskey|cookie|^(?:x-[a-z0-9]+-)?signature$/i;

/**
 * Values shorter than this are hidden by name and removed from URLs, but not scrubbed from free text:
 * replacing "pw" or "Code" in a body would corrupt what is judged. Every provider key id, secret and
 * signature is far longer (16 to 64 characters).
 */
export const MIN_SCRUBBED_LENGTH = 8;

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

/** For text that is not a URL a parser accepts: user info and sensitive query values, by pattern. */
function redactUrlText(text: string): string {
  return text
    .replace(/(\/\/)[^/?#@\s]*@/g, "$1")
    .replace(/([?&;]([^=&#\s]*)=)([^&#\s]*)/g, (whole, prefix: string, name: string) =>
      SENSITIVE_NAME.test(name) ? `${prefix}${REDACTED}` : whole,
    );
}

/** A URL without these has no user info and no query for redactUrl to hide (and no parse to pay for). */
const URL_WITH_SECRETS = /[?&;@]/;

function redactUrl(url: string): string {
  if (!URL_WITH_SECRETS.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactUrlText(url);
  }
  const changed = redactParams(parsed.searchParams);
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  }
  return changed ? parsed.toString() : url;
}

function redactBody(body: string, contentType: string | undefined): string {
  if (!contentType?.includes("application/x-www-form-urlencoded")) return body;
  const params = new URLSearchParams(body);
  return redactParams(params) ? params.toString() : body;
}

const hexEscape = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** RFC 3986 percent-encoding (Alibaba's): encodeURIComponent's plus ! ' ( ) *. */
const percentEncoded = (uriComponent: string) => uriComponent.replace(/[!'()*]/g, hexEscape);

/**
 * A form's encoding (URLSearchParams'): encodeURIComponent's plus ! ' ( ) ~, and a space as "+". Derived
 * from encodeURIComponent rather than made by a URLSearchParams, which cost most of a live exchange's
 * redaction.
 */
const formEncoded = (uriComponent: string) =>
  uriComponent.replace(/%20|[!'()~]/g, (c) => (c === "%20" ? "+" : hexEscape(c)));

const xmlText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const xmlAttribute = (value: string) => xmlText(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Characters that every spelling below leaves as they are: a value made of them is its only spelling. */
const SPELLED_AS_IS = /^[A-Za-z0-9_.-]*$/;

/** The spellings a value takes when it is echoed in a URL, a form, a JSON string or XML text. */
function spellings(value: string): string[] {
  // Hex signatures and most key ids: spelling them seven ways is most of a live exchange's redaction.
  if (SPELLED_AS_IS.test(value)) return [value];
  const uriComponent = encodeURIComponent(value);
  return [
    value,
    uriComponent,
    percentEncoded(uriComponent),
    formEncoded(uriComponent),
    JSON.stringify(value).slice(1, -1),
    xmlText(value),
    xmlAttribute(value),
  ];
}

/** Distinct needles to scrub, longest first (a whole Authorization value before the signature in it). */
function needlesOf(values: Iterable<string>): string[] {
  const needles = new Set<string>();
  for (const value of values) {
    if (value.length < MIN_SCRUBBED_LENGTH || value === REDACTED) continue;
    for (const spelling of spellings(value)) needles.add(spelling);
  }
  return [...needles].sort((a, b) => b.length - a.length);
}

function scrubWith(text: string, needles: readonly string[]): string {
  // No needle is shorter than MIN_SCRUBBED_LENGTH: most header values cannot hold one.
  if (text.length < MIN_SCRUBBED_LENGTH) return text;
  let result = text;
  for (const needle of needles) if (result.includes(needle)) result = result.split(needle).join(REDACTED);
  return result;
}

/** Every occurrence of a credential value (in any of its spellings) replaced by [REDACTED]. */
export function scrubText(text: string, secrets: readonly string[]): string {
  return scrubWith(text, needlesOf(secrets));
}

/** An Authorization value and the credential parts inside it: the token after the scheme, Signature=, Credential=. */
function authorizationParts(value: string): string[] {
  const parts = [value];
  const space = value.indexOf(" ");
  if (space > 0) parts.push(value.slice(space + 1).trim());
  for (const match of value.matchAll(/\b(Signature|Credential)=([^,\s]+)/gi)) {
    const part = match[2] ?? "";
    parts.push(part);
    // TC3's credential scope: "SecretId/date/service/tc3_request".
    if (match[1]?.toLowerCase() === "credential") parts.push(part.split("/")[0] ?? "");
  }
  return parts;
}

/**
 * The credential values a request carries: its Authorization (and other credential) headers with the
 * signature and key id inside them, and the signature, key id and token parameters of its query and form
 * body. These are what a target may echo back.
 */
export function requestCredentials(request: RecordedRequest): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (CREDENTIAL_NAME.test(name)) values.push(...authorizationParts(value));
  }
  const params: URLSearchParams[] = [];
  if (request.url.includes("?")) {
    try {
      params.push(new URL(request.url).searchParams);
    } catch {}
  }
  if (request.headers["content-type"]?.includes("application/x-www-form-urlencoded")) {
    params.push(new URLSearchParams(request.body));
  }
  for (const list of params) {
    for (const [name, value] of list) if (CREDENTIAL_NAME.test(name)) values.push(value);
  }
  return values;
}

/**
 * Every credential value a live run uses, whoever it is sent to: each dialect's key id and secret, and
 * what the target URL carries (its user name and password, the Basic authorization Node makes of them,
 * and its token, key and password parameters).
 */
export function runSecrets(credentials: Credentials, target: URL): string[] {
  const values = Object.values(credentials).flatMap(({ id, secret }) => [id, secret]);
  if (target.username || target.password) {
    const user = decodeURIComponent(target.username);
    const password = decodeURIComponent(target.password);
    values.push(user, password, Buffer.from(`${user}:${password}`).toString("base64"));
  }
  for (const [name, value] of target.searchParams) if (SENSITIVE_NAME.test(name)) values.push(value);
  return values;
}

/** The needles of a run's secrets, made once per list (a run redacts every exchange with the same list). */
const RUN_NEEDLES = new WeakMap<readonly string[], readonly string[]>();

function runNeedles(secrets: readonly string[]): readonly string[] {
  let needles = RUN_NEEDLES.get(secrets);
  if (!needles) {
    needles = needlesOf(secrets);
    RUN_NEEDLES.set(secrets, needles);
  }
  return needles;
}

/**
 * The run's needles and this request's own (its signature, its key id) as one list, longest first as
 * needlesOf's, each once: a merge of two sorted lists, as every exchange makes one.
 */
function mergeLongestFirst(run: readonly string[], own: readonly string[]): string[] {
  const merged: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < run.length || j < own.length) {
    const next =
      j >= own.length || (i < run.length && (run[i] as string).length >= (own[j] as string).length)
        ? run[i++]
        : own[j++];
    if (next !== undefined && !seen.has(next)) {
      seen.add(next);
      merged.push(next);
    }
  }
  return merged;
}

/** The longest run of characters that every spelling of `value` keeps as they are (spellings()). */
function anchorOf(value: string): string {
  let longest = "";
  for (const run of value.match(/[A-Za-z0-9_.-]+/g) ?? []) if (run.length > longest.length) longest = run;
  return longest;
}

/**
 * Whether some spelling of `value` may be in one of `texts` once longer needles are replaced: every
 * spelling holds the value's anchor, and a replacement adds only "[REDACTED]", so the anchor is in the
 * texts as they are unless it could be a part of that word.
 */
function mayBeEchoed(value: string, texts: readonly string[]): boolean {
  const anchor = anchorOf(value);
  return REDACTED.includes(anchor) || texts.some((text) => text.includes(anchor));
}

/**
 * The exchange as it may be judged, reported and recorded: headers and parameters whose names speak of
 * credentials replaced by [REDACTED], user names and passwords removed from URLs, and every credential
 * value (`secrets`, plus the signature and key id this exchange's own request carries) scrubbed from
 * whatever text is left, response headers and body included.
 */
export function redactExchange(exchange: RawExchange, secrets: readonly string[]): RawExchange {
  const { request, response } = exchange;
  const file = redactUrl(exchange.source.file);
  const url = redactUrl(request.url);
  const requestHeaders = redactHeaders(request.headers);
  const requestBody = redactBody(request.body, request.headers["content-type"]);
  const responseHeaders = redactHeaders(response.headers);
  const texts = [
    file,
    url,
    requestBody,
    response.body,
    ...Object.values(requestHeaders),
    ...Object.values(responseHeaders),
  ];
  // This request's own values (its signature, its key id) are spelled only where they may be echoed: a
  // target seldom echoes them, and spelling them was most of a live exchange's redaction.
  const own = requestCredentials(request).filter((value) => mayBeEchoed(value, texts));
  const needles =
    own.length === 0 ? runNeedles(secrets) : mergeLongestFirst(runNeedles(secrets), needlesOf(own));
  const clean = (text: string) => scrubWith(text, needles);
  const cleanHeaders = (headers: HeaderMap) =>
    Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, clean(value)]));
  return {
    ...exchange,
    source: { ...exchange.source, file: clean(file) },
    request: {
      method: request.method,
      url: clean(url),
      headers: cleanHeaders(requestHeaders),
      body: clean(requestBody),
    },
    response: { ...response, headers: cleanHeaders(responseHeaders), body: clean(response.body) },
  };
}

/** A target URL fit for a terminal, a report or a log: no user name, password or token in it. */
export function displayUrl(url: URL | string): string {
  return redactUrl(url.toString());
}
