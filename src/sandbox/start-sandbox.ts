import { createServer, type RequestListener, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Dialect } from "../providers/dialect.js";
import { CodeTables } from "../schemas/code-tables.js";
import { handleRequest } from "./handle-request.js";
import { createSandboxContext, throttleKey } from "./sandbox-context.js";
import { resolveSandboxOptions, type SandboxOptions } from "./sandbox-options.js";
import type { ReleaseThrottle } from "./sandbox-throttling.js";

export type { DefectName } from "./defects.js";
export { DEFECTS } from "./defects.js";
export type { RateLimit, SandboxOptions } from "./sandbox-options.js";
export type { ReleaseThrottle } from "./sandbox-throttling.js";

export interface RunningSandbox {
  /** http://HOST:PORT (https:// with the `tls` option), no trailing slash. */
  url: string;
  port: number;
  /**
   * Throttles `dialect` now: until the returned function is called, every request signed with the
   * dialect's configured key (and past the signature check) gets the documented throttling answer
   * (Retry-After on the 429s), whatever the rate limit. Holds are counted: the Alibaba key stays throttled
   * until every hold on it is released. A bound function: `const { throttle } = sandbox` works.
   */
  throttle: (dialect: Dialect) => ReleaseThrottle;
  /** Stops listening and closes every open connection (keep-alive ones too). */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/**
 * Starts the built-in sandbox: one HTTP server (node:http; node:https with the `tls` option) that answers Tencent Cloud API 3.0 (CVM),
 * Alibaba Cloud RPC (KMS, ESS; JSON and XML) and Zenlayer Cloud (bmc) requests on one port, verifies
 * their signatures against the configured test credentials, and answers every documented probe with
 * its documented error (docs/sandbox.md).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveSandboxOptions(options);
  const codes = resolved.defects.has("wrong-status-for-code") ? await CodeTables.load() : undefined;
  const context = createSandboxContext(resolved, codes);
  const serve: RequestListener = (request, response) => {
    void handleRequest(request, response, context);
  };
  const server: Server = resolved.tls ? createTlsServer(resolved.tls, serve) : createServer(serve);
  server.on("clientError", (_error, socket) => {
    if (socket.writable)
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  await listen(server, resolved.port, resolved.host);
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;
  return {
    url: `${resolved.tls ? "https" : "http"}://${host}:${port}`,
    port,
    throttle: (dialect) => context.throttling.hold(throttleKey(dialect, resolved.credentials[dialect].id)),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
