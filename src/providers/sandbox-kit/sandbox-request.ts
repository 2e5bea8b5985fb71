import type { IncomingMessage } from "node:http";

/** One request as the sandbox reads it: raw pieces for signature checks, decoded ones for handlers. */
export interface SandboxRequest {
  method: string;
  /** Path as sent (not decoded): the canonical path TC3 and ACS3 sign. */
  path: string;
  /** Query string as sent, without "?". */
  rawQuery: string;
  /** The query, decoded. */
  query: URLSearchParams;
  /** Header names lower-cased; a repeated header keeps its values joined by ", ". */
  headers: Record<string, string>;
  /** The Host header ("" when absent). */
  host: string;
  body: Buffer;
  /** The body as UTF-8 text (what the signers hash). */
  bodyText: string;
}

export function headerMap(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

export function toSandboxRequest(message: IncomingMessage, body: Buffer): SandboxRequest {
  const target = message.url ?? "/";
  const mark = target.indexOf("?");
  const path = mark === -1 ? target : target.slice(0, mark);
  const rawQuery = mark === -1 ? "" : target.slice(mark + 1);
  const headers = headerMap(message);
  return {
    method: (message.method ?? "GET").toUpperCase(),
    path: path === "" ? "/" : path,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers,
    host: headers.host ?? "",
    body,
    bodyText: body.toString("utf8"),
  };
}

/** Host with and without its port: TC3 and ZC2 clients differ in which one they sign. */
export function hostVariants(host: string): string[] {
  const withoutPort = host.replace(/:\d+$/, "");
  return withoutPort === host ? [host] : [host, withoutPort];
}

/** The decoded parameters of a form-encoded body, or none for any other body. */
export function formParams(request: SandboxRequest): URLSearchParams | undefined {
  const type = (request.headers["content-type"] ?? "").toLowerCase();
  if (!type.includes("application/x-www-form-urlencoded")) return undefined;
  return new URLSearchParams(request.bodyText);
}

/** Whether the request has a header whose (lower-case) name starts with `prefix`. */
export function hasHeaderPrefix(request: SandboxRequest, prefix: string): boolean {
  return Object.keys(request.headers).some((name) => name.startsWith(prefix));
}

/** The algorithm an Authorization header names (its first word), or "". */
export function authorizationAlgorithm(request: SandboxRequest): string {
  return (request.headers.authorization ?? "").trim().split(/\s/, 1)[0] ?? "";
}

/** The first label of the Host header, lower-cased (kms of kms.cn-hangzhou.aliyuncs.com). */
export function hostLabel(request: SandboxRequest): string {
  return (request.host.split(".", 1)[0] ?? "").toLowerCase();
}
