import type { RecordedRequest } from "./exchange.js";

/**
 * The parameters read of each request so far: detection and several rules ask for them, and each reading
 * parses the URL (and a form body) again. Keyed by the request object, checked against its URL and body.
 */
const READ = new WeakMap<
  RecordedRequest,
  { url: string; body: string; params: ReadonlyMap<string, string> }
>();

/**
 * The request's parameters: the URL query, then a form-encoded body (Alibaba RPC accepts both). The first
 * occurrence of a name wins.
 */
export function requestParams(request: RecordedRequest): ReadonlyMap<string, string> {
  const known = READ.get(request);
  if (known && known.url === request.url && known.body === request.body) return known.params;
  const params = new Map<string, string>();
  const add = (search: URLSearchParams) => {
    for (const [name, value] of search) if (!params.has(name)) params.set(name, value);
  };
  try {
    add(new URL(request.url).searchParams);
  } catch {
    // An unparseable URL has no query to read; detection reports the URL itself.
  }
  const contentType = request.headers["content-type"] ?? "";
  if (request.body && contentType.includes("application/x-www-form-urlencoded")) {
    add(new URLSearchParams(request.body));
  }
  READ.set(request, { url: request.url, body: request.body, params });
  return params;
}
