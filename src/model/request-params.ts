import type { RecordedRequest } from "./exchange.js";

/**
 * The request's parameters: the URL query, then a form-encoded body (Alibaba RPC accepts both). The first
 * occurrence of a name wins.
 */
export function requestParams(request: RecordedRequest): Map<string, string> {
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
  return params;
}
