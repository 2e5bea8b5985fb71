import { Agent, createServer, get, type RequestOptions, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { cvm } from "tencentcloud-sdk-nodejs-cvm";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { sandboxCertificate, sandboxHosts } from "../../src/sandbox/sandbox-certificate.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { createCertificateAuthority } from "../../src/tls/certificates.js";
import { loopbackOnly } from "../support/loopback-lookup.js";

/** GET / over TLS: the body, or the TLS client's error code. */
function fetchText(options: RequestOptions): Promise<string> {
  return new Promise((resolve) => {
    get({ path: "/", ...options }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve(body));
    }).on("error", (error: NodeJS.ErrnoException) => resolve(`error ${error.code}`));
  });
}

describe("TLS certificates (src/tls/certificates.ts)", () => {
  let server: Server;
  let port: number;
  let caCert: string;

  before(async () => {
    const ca = await createCertificateAuthority("test CA");
    caCert = ca.cert;
    server = createServer(await ca.issue(["127.0.0.1", "cvm.localhost"]), (_request, response) =>
      response.end("hello"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("issues server certificates that a client trusting the CA accepts, by IP and by name", async () => {
    expect(caCert).to.match(/^-----BEGIN CERTIFICATE-----/);
    expect(await fetchText({ host: "127.0.0.1", port, ca: caCert })).to.equal("hello");
    const byName = { host: "cvm.localhost", port, ca: caCert, lookup: loopbackOnly, agent: false as const };
    expect(await fetchText(byName)).to.equal("hello");
  });

  it("is refused by a client that does not trust the CA, and for a name it was not issued for", async () => {
    expect(await fetchText({ host: "127.0.0.1", port })).to.equal("error UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    const other = { host: "kms.localhost", port, ca: caCert, lookup: loopbackOnly, agent: false as const };
    expect(await fetchText(other)).to.equal("error ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("needs at least one host", async () => {
    const ca = await createCertificateAuthority();
    const error = await ca.issue([]).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).to.equal("a server certificate needs at least one host");
  });
});

describe("the sandbox over TLS (the tls option)", () => {
  let sandbox: RunningSandbox;
  let agent: Agent;

  before(async () => {
    const { ca, server } = await sandboxCertificate();
    agent = new Agent({ ca: ca.cert, lookup: loopbackOnly, keepAlive: false });
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null, tls: server });
  });
  after(async () => {
    await sandbox?.close();
    agent?.destroy();
  });

  it("names every product's SERVICE.localhost in its certificate", () => {
    expect(sandboxHosts()).to.include.members(["127.0.0.1", "localhost", "cvm.localhost", "kms.localhost"]);
  });

  it("serves the official Tencent SDK over HTTPS at cvm.localhost, signed and answered as over HTTP", async () => {
    expect(sandbox.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = new cvm.v20170312.Client({
      credential: { secretId: SANDBOX_CREDENTIALS.tencent.id, secretKey: SANDBOX_CREDENTIALS.tencent.secret },
      region: "ap-guangzhou",
      profile: { httpProfile: { endpoint: `cvm.localhost:${sandbox.port}`, protocol: "https://", agent } },
    });
    const zones = await client.DescribeZones();
    expect(zones.ZoneSet).to.have.length.greaterThan(0);
    expect(zones.RequestId).to.match(/^[0-9a-f-]{36}$/);
  });
});
