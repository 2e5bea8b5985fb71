import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { whenIdle } from "../../src/proxy/idle-stop.js";
import { proxyEnvironment } from "../../src/proxy/proxy-environment.js";
import { caFilesIn } from "../../src/tls/ca-directory.js";
import { useTempDir } from "../support/temp-dir.js";

describe("what a command run through the proxy gets (src/proxy/proxy-environment.ts)", () => {
  const tempDir = useTempDir();

  it("the proxy in both spellings, the CA where it adds to a store, the bundle where it replaces one", async () => {
    const files = caFilesIn(tempDir());
    const env = await proxyEnvironment({ PATH: "/bin" }, "http://127.0.0.1:4000", files);
    expect(env).to.deep.equal({
      PATH: "/bin",
      HTTPS_PROXY: "http://127.0.0.1:4000",
      HTTP_PROXY: "http://127.0.0.1:4000",
      https_proxy: "http://127.0.0.1:4000",
      http_proxy: "http://127.0.0.1:4000",
      NODE_EXTRA_CA_CERTS: files.cert,
      SSL_CERT_FILE: files.bundle,
      REQUESTS_CA_BUNDLE: files.bundle,
      CURL_CA_BUNDLE: files.bundle,
      CONFORMANCE_PROXY_URL: "http://127.0.0.1:4000",
    });
  });

  it("keeps the extra CAs the user had in NODE_EXTRA_CA_CERTS beside the proxy's", async () => {
    const files = caFilesIn(path.join(tempDir(), "ca"));
    await writeFile(path.join(tempDir(), "theirs.pem"), "THEIR CA\n");
    await mkdir(path.dirname(files.cert), { recursive: true });
    await writeFile(files.cert, "PROXY CA\n");
    const env = await proxyEnvironment(
      { NODE_EXTRA_CA_CERTS: path.join(tempDir(), "theirs.pem") },
      "http://x",
      files,
    );
    expect(await readFile(env.NODE_EXTRA_CA_CERTS as string, "utf8")).to.equal("THEIR CA\nPROXY CA\n");
  });
});

describe("--until-idle (src/proxy/idle-stop.ts)", () => {
  /** A proxy whose requests the test starts and ends. */
  function fakeProxy() {
    let inFlight = 0;
    const listeners: (() => void)[] = [];
    const change = (delta: number) => {
      inFlight += delta;
      for (const listener of listeners) listener();
    };
    return {
      inFlight: () => inFlight,
      onActivity: (listener: () => void) => listeners.push(listener),
      begin: () => change(1),
      end: () => change(-1),
    };
  }

  it("never stops while a request is in flight, however long it takes", async () => {
    const proxy = fakeProxy();
    proxy.begin();
    let idle = false;
    const stopped = whenIdle(proxy, 5, new AbortController().signal).then(() => {
      idle = true;
    });
    // Long enough for a 5 ms timer to have fired many times over, were one armed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).to.equal(false);
    proxy.end();
    await stopped;
    expect(idle).to.equal(true);
  });

  it("an abort ends the wait at once", async () => {
    const proxy = fakeProxy();
    const controller = new AbortController();
    const stopped = whenIdle(proxy, 3_600_000, controller.signal);
    controller.abort();
    await stopped;
  });
});
