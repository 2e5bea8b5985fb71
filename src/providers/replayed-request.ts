import type { RecordedRequest } from "../model/exchange.js";

/**
 * A request the Pact Verifier replays, as its request filter sees it (an express request, narrowed): the
 * parts that signing rewrites. The dialects' contract forms (DIALECT/contract-form.ts) sign it again.
 */
export interface ReplayedRequest {
  method: string;
  /** The path and query, relative to the Verifier's proxy. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed by the verifier proxy's body-parser: JSON bodies become objects, re-sent as JSON.stringify. */
  body?: unknown;
}

/** The body bytes the proxy forwards (pact-js parseBody: JSON.stringify of a parsed object). */
export function replayedBodyText(request: ReplayedRequest): string {
  if (request.body === undefined || request.body === null) return "";
  if (Buffer.isBuffer(request.body)) return request.body.toString("utf8");
  if (typeof request.body === "object") return JSON.stringify(request.body);
  return String(request.body);
}

/** The replayed request's string-valued headers whose (lower-case) names `names` matches. */
export function replayedHeaders(request: ReplayedRequest, names: RegExp): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (names.test(name) && typeof value === "string") headers[name] = value;
  return headers;
}

/** The replayed request as detection reads a recorded one (an absolute URL, string headers, body text). */
export function asRecordedRequest(request: ReplayedRequest): RecordedRequest {
  return {
    method: request.method,
    url: new URL(request.url, "http://replayed.invalid").toString(),
    headers: replayedHeaders(request, /./),
    body: replayedBodyText(request),
  };
}
