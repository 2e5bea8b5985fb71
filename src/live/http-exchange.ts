import http from "node:http";
import https from "node:https";
import type { HeaderMap } from "../model/exchange.js";
import type { TransportFailure as ReportedTransportFailure } from "../types/generated/report.js";
import type { OutgoingRequest } from "./signed-request.js";

export interface Timeouts {
  /** Until the TCP (and TLS) connection is up. */
  connectMs: number;
  /** From the request being sent until the response's status line and headers arrive. */
  headersMs: number;
  /** From the headers until the last byte of the body. */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, headersMs: 15_000, bodyMs: 30_000 };

/** How a call failed without a complete answer (the report's transportFailures[].kind). */
export type TransportFailureKind = ReportedTransportFailure["kind"];

export type HttpOutcome =
  | { ok: true; status: number; headers: HeaderMap; body: string; durationMs: number }
  | { ok: false; kind: TransportFailureKind; message: string; durationMs: number };

export interface SendOptions {
  timeouts: Timeouts;
  maxBodyBytes: number;
  agents?: { http: http.Agent; https: https.Agent };
  signal?: AbortSignal;
}

/** Node's parsed headers as the exchange keeps them: lower-case names, repeated values joined by ", ". */
export function headerMap(raw: http.IncomingHttpHeaders): HeaderMap {
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** A failure the exchange code raises itself (a timeout, a cap), with the kind it is reported as. */
export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** The report's kind and message for a socket or request error. */
export function classifyTransportError(error: unknown): { kind: TransportFailureKind; message: string } {
  if (error instanceof TransportFailure) return { kind: error.kind, message: error.message };
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const message = (error as Error).message ?? String(error);
  if (code === "ECONNREFUSED") return { kind: "refused", message: `connection refused (${message})` };
  if (code === "ECONNRESET" || code === "EPIPE")
    return { kind: "reset", message: `connection reset (${message})` };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return { kind: "unreachable", message };
  }
  if (code === "ABORT_ERR") return { kind: "aborted", message: "interrupted" };
  return { kind: "other", message };
}

/**
 * Sends one request and reads the whole answer, with separate connect, headers and body timeouts. It
 * never throws: a refused, reset, stalled or truncated exchange is a transport failure, told apart from
 * whatever the body would have said about conformance.
 */
export function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<HttpOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const url = new URL(request.url);
    const secure = url.protocol === "https:";
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const fail = (error: unknown) =>
      finish({ ok: false, ...classifyTransportError(error), durationMs: elapsed() });
    const arm = (ms: number, kind: TransportFailureKind, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => req.destroy(new TransportFailure(kind, `no ${what} within ${ms} ms`)), ms);
    };
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers["Content-Length"] = Buffer.byteLength(request.body);
    const req = (secure ? https : http).request(url, {
      method: request.method,
      headers,
      // Without agents, a fresh connection: never a pooled socket to a server that has since gone.
      agent: options.agents ? (secure ? options.agents.https : options.agents.http) : false,
    });
    const onAbort = () => req.destroy(new TransportFailure("aborted", "interrupted"));
    options.signal?.addEventListener("abort", onAbort, { once: true });
    arm(options.timeouts.connectMs, "connect-timeout", "connection");
    req.on("socket", (socket) => {
      const connected = () => arm(options.timeouts.headersMs, "headers-timeout", "response headers");
      if (socket.connecting) socket.once(secure ? "secureConnect" : "connect", connected);
      else connected();
    });
    req.on("error", fail);
    req.on("response", (res) => {
      arm(options.timeouts.bodyMs, "body-timeout", "complete body");
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBodyBytes) {
          fail(new TransportFailure("too-large", `response body over ${options.maxBodyBytes} bytes`));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", fail);
      res.on("aborted", () =>
        fail(new TransportFailure("truncated", "the connection closed before the body was complete")),
      );
      res.on("end", () => {
        if (!res.complete) {
          fail(new TransportFailure("truncated", "the connection closed before the body was complete"));
          return;
        }
        finish({
          ok: true,
          status: res.statusCode ?? 0,
          headers: headerMap(res.headers),
          body: Buffer.concat(chunks).toString("utf8"),
          durationMs: elapsed(),
        });
      });
    });
    req.end(request.body || undefined);
  });
}
