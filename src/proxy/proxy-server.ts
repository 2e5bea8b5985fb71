import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import net from "node:net";
import tls from "node:tls";
import type { Timeouts, TransportFailureKind } from "../live/http-exchange.js";
import type { ExchangeSource, RawExchange } from "../model/exchange.js";
import type { Credentials } from "../providers/credentials.js";
import { isKnownHost } from "../providers/detect-exchange.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import type { OutgoingRequest } from "../providers/request-form.js";
import { resignForHost } from "../providers/resign-request.js";
import type { CertificateAuthority } from "../tls/certificates.js";
import type { HostMapping } from "../types/generated/config.js";
import { decodeContent } from "./decode-content.js";
import { forwardExchange, hopByHop } from "./forward-exchange.js";
import { HostContexts } from "./host-contexts.js";
import { publicUpstreamOf } from "./public-upstream.js";
import { routeFor } from "./upstream-routes.js";

export interface ProxyServerOptions {
  listen: { host: string; port: number };
  ca: CertificateAuthority;
  /** `host` or `host:port` (lower-case) → the URL its requests go to instead (--upstream). */
  upstreams: ReadonlyMap<string, URL>;
  keepHost: boolean;
  /** Reverse mode's upstream; without it, the public host each request names. */
  reverse?: URL | undefined;
  /** The configuration's host mappings: these hosts are intercepted as the providers' are. */
  hosts: readonly HostMapping[];
  /** What a request is re-signed with when its Host changes (the official SDKs' variables). */
  credentials: Credentials;
  timeouts: Timeouts;
  maxBodyBytes: number;
  /** Every exchange the proxy read, as it is accounted for: unredacted (the job redacts). */
  onItem: (item: ProxyItem) => void;
  /** Something the user should know once (a request forwarded with a signature the proxy could not renew). */
  onNotice?: (message: string) => void;
}

/** How each request the proxy read ended. */
export type ProxyItem =
  | { kind: "exchange"; exchange: RawExchange; startedAt: Date; durationMs: number; upstream: string }
  | {
      kind: "transport-failure";
      source: ExchangeSource;
      failureKind: TransportFailureKind;
      message: string;
      durationMs: number;
      upstream: string;
    }
  | { kind: "skipped"; source: ExchangeSource; reason: string };

export interface RunningProxy {
  url: string;
  port: number;
  /** Requests being read or answered now. */
  inFlight(): number;
  /** Calls `listener` whenever a request starts or ends (the idle stop watches it). */
  onActivity(listener: () => void): void;
  /** Connections to hosts the proxy does not intercept, passed through untouched. */
  tunnelled(): number;
  /** Stops accepting, lets the requests in flight finish, then closes every connection. */
  stop(): Promise<void>;
}

/** Where the request came in: through an intercepted CONNECT tunnel, as a plain-HTTP proxy request, or directly. */
type Arrival = { mode: "forward"; authority?: string } | { mode: "reverse" };

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/** "host:443" → "host" (as a URL's host omits its scheme's default port). */
const withoutDefaultPort = (authority: string, protocol: string) =>
  authority.endsWith(`:${DEFAULT_PORTS[protocol]}`)
    ? authority.slice(0, authority.lastIndexOf(":"))
    : authority;

/** The client's request body, whole, unless it is over `maxBytes` or does not arrive within `withinMs`. */
function readBody(
  request: http.IncomingMessage,
  maxBytes: number,
  withinMs: number,
): Promise<{ ok: true; body: Buffer } | { ok: false; status: number; reason: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(
      () =>
        resolve({
          ok: false,
          status: 408,
          reason: `the client did not send its whole request body within ${withinMs} ms (--body-timeout)`,
        }),
      withinMs,
    );
    const settle = (outcome: { ok: true; body: Buffer } | { ok: false; status: number; reason: string }) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on("end", () =>
      settle(
        size > maxBytes
          ? { ok: false, status: 413, reason: `request body over ${maxBytes} bytes (--max-body-bytes)` }
          : { ok: true, body: Buffer.concat(chunks) },
      ),
    );
    request.on("error", (error) =>
      settle({ ok: false, status: 400, reason: `the request could not be read: ${error.message}` }),
    );
  });
}

function plainAnswer(response: http.ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.destroy();
  const body = `conformance proxy: ${text}\n`;
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    // What is left of the request (a body over the cap, or one that stalled) is not read.
    connection: "close",
  });
  response.end(body);
}

/**
 * The conformance proxy's server (docs/proxy.md). On one port it is
 * - a forward proxy: CONNECT to a provider's host, a configured host or an --upstream host is intercepted
 *   (TLS ended with a certificate from the proxy's CA for that host, each request read, forwarded over
 *   TLS and answered); CONNECT to any other host is tunnelled untouched; plain-HTTP proxy requests are
 *   forwarded, judged only for those same hosts;
 * - a reverse proxy: a request made to the proxy's own address goes to --reverse, else to the public host
 *   it names (src/providers/public-upstream.ts).
 * A request whose Host changes on the way (an --upstream mapping, reverse mode) is re-signed for the new
 * host. Every request read is accounted for through `onItem`.
 */
export async function startProxyServer(options: ProxyServerOptions): Promise<RunningProxy> {
  const contexts = new HostContexts(options.ca);
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
  const sockets = new Set<net.Socket>();
  const authorities = new WeakMap<net.Socket, string>();
  const activity: (() => void)[] = [];
  const notified = new Set<string>();
  let inFlight = 0;
  let tunnelled = 0;
  let index = 0;
  let ownPort = 0;
  const drained: (() => void)[] = [];
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const notice = (message: string) => {
    if (notified.has(message)) return;
    notified.add(message);
    options.onNotice?.(message);
  };
  const intercepts = (authority: string) =>
    isKnownHost(authority, options.hosts) ||
    options.upstreams.has(authority.toLowerCase()) ||
    options.upstreams.has(authority.toLowerCase().replace(/:\d+$/, ""));

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, arrival: Arrival) {
    inFlight++;
    for (const listener of activity) listener();
    try {
      await exchange(request, response, arrival);
    } finally {
      inFlight--;
      for (const listener of activity) listener();
      if (inFlight === 0) for (const resolve of drained.splice(0)) resolve();
    }
  }

  async function exchange(request: http.IncomingMessage, response: http.ServerResponse, arrival: Arrival) {
    const startedAt = new Date();
    const ordinal = index++;
    const method = request.method ?? "GET";
    const rawUrl = request.url ?? "/";
    let logical: URL | undefined;
    let judged = true;
    if (arrival.mode === "forward" && arrival.authority) {
      logical = new URL(rawUrl, `https://${withoutDefaultPort(arrival.authority, "https:")}`);
    } else if (/^https?:\/\//i.test(rawUrl)) {
      logical = new URL(rawUrl);
      judged = intercepts(logical.host);
    } else if (options.reverse) {
      logical = new URL(`${options.reverse.pathname.replace(/\/+$/, "")}${rawUrl}`, options.reverse.origin);
    }
    const read = await readBody(request, options.maxBodyBytes, options.timeouts.bodyMs);
    // Where a request that goes nowhere came in: the proxy's own address, as the client wrote it.
    const arrivedAt = `http://${request.headers.host ?? "proxy"}${rawUrl}`;
    const skipSource = (url: string): ExchangeSource => ({ file: url, index: ordinal });
    if (!read.ok) {
      plainAnswer(response, read.status, read.reason);
      if (judged) {
        options.onItem({
          kind: "skipped",
          source: skipSource(logical?.toString() ?? arrivedAt),
          reason: read.reason,
        });
      }
      return;
    }
    const dropConnectionHeaders = hopByHop(request.headers.connection);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || dropConnectionHeaders(name)) continue;
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    const body = read.body;
    if (!logical) {
      const derived = publicUpstreamOf(
        {
          method,
          url: `http://${request.headers.host ?? "proxy"}${rawUrl}`,
          headers,
          body: body.toString("utf8"),
        },
        rawUrl,
      );
      if (!derived) {
        const reason =
          "a request to the proxy's own address names no product whose public host the proxy knows (a Tencent SDK pointed at an IP address signs the service as the address's first label): give --reverse URL, e.g. --reverse https://cvm.tencentcloudapi.com";
        plainAnswer(response, 502, reason);
        options.onItem({ kind: "skipped", source: skipSource(arrivedAt), reason });
        return;
      }
      logical = derived.url;
    }
    const route = routeFor(logical, options.upstreams, options.keepHost);
    let outgoing: OutgoingRequest = {
      method,
      url: route.target.toString(),
      headers: { ...headers, host: route.host },
      body: body.toString("utf8"),
    };
    const sentHost = withoutDefaultPort((request.headers.host ?? "").toLowerCase(), logical.protocol);
    if (route.host.toLowerCase() !== sentHost) {
      // TC3's scope names the service of the host the request is meant for, not of the proxy's address.
      const service = dialectRequests.tencent.matchPublicHost(logical.hostname)?.product;
      const resigned = resignForHost(outgoing, route.host, options.credentials, { service });
      if (!resigned.resigned)
        notice(`forwarded without a new signature for ${route.host}: ${resigned.reason}`);
      outgoing = resigned.request;
    }
    const source: ExchangeSource = { file: `${logical.origin}${logical.pathname}`, index: ordinal };
    const outcome = await forwardExchange(
      { method, target: route.target, headers: outgoing.headers, body },
      response,
      { timeouts: options.timeouts, maxBodyBytes: options.maxBodyBytes, agents },
    );
    if (!judged) return;
    const upstream = route.target.origin;
    if (!outcome.ok) {
      options.onItem({
        kind: "transport-failure",
        source,
        failureKind: outcome.kind,
        message: outcome.message,
        durationMs: outcome.durationMs,
        upstream,
      });
      return;
    }
    if (outcome.overCap) {
      options.onItem({
        kind: "transport-failure",
        source,
        failureKind: "too-large",
        message: `response body over ${options.maxBodyBytes} bytes (--max-body-bytes): passed to the client whole, not judged`,
        durationMs: outcome.durationMs,
        upstream,
      });
      return;
    }
    const decoded = decodeContent(outcome.body, outcome.headers["content-encoding"], options.maxBodyBytes);
    if (!decoded.ok) {
      options.onItem({ kind: "skipped", source, reason: decoded.reason });
      return;
    }
    options.onItem({
      kind: "exchange",
      exchange: {
        source,
        request: { method, url: logical.toString(), headers: outgoing.headers, body: outgoing.body },
        response: {
          status: outcome.status,
          headers: outcome.headers,
          body: decoded.text,
          bodySize: Buffer.byteLength(decoded.text),
        },
      },
      startedAt,
      durationMs: outcome.durationMs,
      upstream,
    });
  }

  // The requests read from intercepted TLS connections: an HTTP server that never listens, fed sockets.
  const intercepted = http.createServer((request, response) => {
    const authority = authorities.get(request.socket) ?? request.headers.host ?? "";
    void handle(request, response, { mode: "forward", authority });
  });
  intercepted.on("clientError", (_error, socket) => socket.destroy());

  const server = http.createServer((request, response) => {
    const absolute = /^https?:\/\//i.test(request.url ?? "");
    void handle(request, response, absolute ? { mode: "forward" } : { mode: "reverse" });
  });
  server.on("connection", track);
  server.on("clientError", (_error, socket) => socket.destroy());
  server.on("connect", (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const authority = request.url ?? "";
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority);
    if (!match) {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const [, host = "", port = "443"] = match;
    if (!intercepts(authority)) {
      // A client that sends even the proxy's own address through the proxy (https-proxy-agent does, in
      // reverse mode) is not a connection to another host.
      if (!(Number(port) === ownPort && /^(127\.0\.0\.1|localhost|\[::1\])$/i.test(host))) tunnelled++;
      const remote = net.connect(Number(port), host.replace(/^\[(.*)\]$/, "$1"), () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (head.length > 0) remote.write(head);
        remote.pipe(socket);
        socket.pipe(remote);
      });
      track(remote);
      remote.setTimeout(options.timeouts.connectMs, () => remote.destroy());
      remote.once("connect", () => remote.setTimeout(0));
      remote.on("error", () => socket.destroy());
      socket.on("error", () => remote.destroy());
      socket.on("close", () => remote.destroy());
      remote.on("close", () => socket.destroy());
      return;
    }
    contexts.contextFor(host).then(
      (context) => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (head.length > 0) socket.unshift(head);
        const secured = new tls.TLSSocket(socket, {
          isServer: true,
          secureContext: context,
          SNICallback: (name, done) =>
            contexts.contextFor(name || host).then(
              (named) => done(null, named),
              (error: Error) => done(error),
            ),
        });
        authorities.set(secured, authority);
        track(secured);
        secured.on("error", () => secured.destroy());
        intercepted.emit("connection", secured);
      },
      () => socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n"),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.listen.port, options.listen.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ownPort = port;
  const shownHost = net.isIPv6(options.listen.host) ? `[${options.listen.host}]` : options.listen.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    inFlight: () => inFlight,
    onActivity: (listener) => activity.push(listener),
    tunnelled: () => tunnelled,
    async stop() {
      server.close();
      if (inFlight > 0) await new Promise<void>((resolve) => drained.push(resolve));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
