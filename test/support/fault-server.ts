import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = "reset" | "stall-headers" | "stall-body" | "truncated" | "ok";

/** A loopback server that misbehaves on purpose; `faultFor` picks the behaviour per request. */
export async function startFaultServer(
  faultFor: (req: http.IncomingMessage) => Fault,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    switch (faultFor(req)) {
      case "reset":
        req.socket.destroy();
        return;
      case "stall-headers":
        return;
      case "stall-body":
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"Response":');
        return;
      case "truncated":
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"Response":', () => req.socket.destroy());
        return;
      case "ok":
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
