import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import tls from "node:tls";
import {
  classifyTransportError,
  headerMap,
  type Timeouts,
  TransportFailure,
  type TransportFailureKind,
} from "../live/http-exchange.js";
import type { HeaderMap } from "../model/exchange.js";

/** A request as the proxy sends it on: the SDK's own, to the route's target, with the route's Host. */
export interface ForwardedRequest {
  method: string;
  target: URL;
  /** Lower-case names, hop-by-hop headers removed, `host` set. */
  headers: Record<string, string>;
  body: Buffer;
}

export type ForwardOutcome =
  | {
      ok: true;
      status: number;
      headers: HeaderMap;
      /** The body as it crossed the wire (still encoded), up to the cap. */
      body: Buffer;
      /** The body was longer than the cap: the client got all of it, the copy kept to judge stops short. */
      overCap: boolean;
      durationMs: number;
    }
  | {
      ok: false;
      kind: TransportFailureKind;
      message: string;
      durationMs: number;
    };

export interface ForwardOptions {
  timeouts: Timeouts;
  maxBodyBytes: number;
  agents: { http: http.Agent; https: https.Agent };
}

/** Headers that belong to one connection, not to the message (RFC 9110 §7.6.1): never passed on. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Whether a header is the connection's own: a hop-by-hop name, or one the Connection header lists. */
export function hopByHop(connectionHeader: string | undefined): (name: string) => boolean {
  const listed = new Set(
    (connectionHeader ?? "")
      .split(",")
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean),
  );
  return (name) => HOP_BY_HOP.has(name.toLowerCase()) || listed.has(name.toLowerCase());
}

/** The answer's raw header list (names as the upstream wrote them) without the connection's own. */
function endToEndRawHeaders(response: http.IncomingMessage): string[] {
  const skip = hopByHop(response.headers.connection);
  const out: string[] = [];
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
    const name = response.rawHeaders[i] as string;
    if (!skip(name)) out.push(name, response.rawHeaders[i + 1] as string);
  }
  return out;
}

/** What the client gets when the upstream gave no answer: the kind and the reason, as text. */
function failureAnswer(client: http.ServerResponse, kind: TransportFailureKind, message: string): void {
  if (client.headersSent || client.destroyed) {
    client.destroy();
    return;
  }
  const status = kind.endsWith("-timeout") ? 504 : 502;
  const body = `conformance proxy: no answer from the upstream (${kind}): ${message}\n`;
  client.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-conformance-proxy-error": kind,
  });
  client.end(body);
}

/**
 * Sends `request` upstream and streams the answer to `client` as it arrives (status, end-to-end headers,
 * body bytes unchanged), keeping a copy of up to `maxBodyBytes` to judge. It never throws: no answer, a
 * stall, a reset or a truncated body is a transport failure with the kind `run` reports (separate connect,
 * headers and body timeouts); the client then gets a 502 or 504 saying so, or, when the answer had begun,
 * a closed connection, as the upstream left it. A client that hangs up first ends the upstream request.
 */
export function forwardExchange(
  request: ForwardedRequest,
  client: http.ServerResponse,
  options: ForwardOptions,
): Promise<ForwardOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const { target } = request;
  const secure = target.protocol === "https:";
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (outcome: ForwardOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.off("close", onClientClose);
      resolve(outcome);
    };
    const fail = (error: unknown) => {
      const { kind, message } = classifyTransportError(error);
      failureAnswer(client, kind, message);
      finish({ ok: false, kind, message, durationMs: elapsed() });
    };
    const arm = (ms: number, kind: TransportFailureKind, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => upstream.destroy(new TransportFailure(kind, `no ${what} within ${ms} ms`)),
        ms,
      );
    };
    const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
    const upstream = (secure ? https : http).request(target, {
      method: request.method,
      headers: { ...request.headers, "content-length": String(request.body.length) },
      agent: secure ? options.agents.https : options.agents.http,
      // The TLS name is the upstream's own, whatever Host the request carries (--keep-host): the
      // certificate is checked against the address the proxy connects to.
      ...(secure
        ? {
            servername: isIP(hostname) ? "" : hostname,
            checkServerIdentity: (_host: string, cert: tls.PeerCertificate) =>
              tls.checkServerIdentity(hostname, cert),
          }
        : {}),
    });
    const onClientClose = () => {
      if (!client.writableFinished) {
        upstream.destroy(
          new TransportFailure("aborted", "the client closed the connection before the answer was complete"),
        );
      }
    };
    client.on("close", onClientClose);
    arm(options.timeouts.connectMs, "connect-timeout", "connection");
    upstream.on("socket", (socket) => {
      const connected = () => arm(options.timeouts.headersMs, "headers-timeout", "response headers");
      if (socket.connecting) socket.once(secure ? "secureConnect" : "connect", connected);
      else connected();
    });
    upstream.on("error", fail);
    upstream.on("response", (response) => {
      arm(options.timeouts.bodyMs, "body-timeout", "complete body");
      client.writeHead(response.statusCode ?? 502, response.statusMessage, endToEndRawHeaders(response));
      const chunks: Buffer[] = [];
      let kept = 0;
      let overCap = false;
      response.on("data", (chunk: Buffer) => {
        if (kept + chunk.length > options.maxBodyBytes) overCap = true;
        else {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      response.pipe(client);
      response.on("error", fail);
      response.on("aborted", () =>
        fail(new TransportFailure("truncated", "the connection closed before the body was complete")),
      );
      response.on("end", () => {
        if (!response.complete) {
          fail(new TransportFailure("truncated", "the connection closed before the body was complete"));
          return;
        }
        finish({
          ok: true,
          status: response.statusCode ?? 0,
          headers: headerMap(response.headers),
          body: Buffer.concat(chunks),
          overCap,
          durationMs: elapsed(),
        });
      });
    });
    upstream.end(request.body);
  });
}
