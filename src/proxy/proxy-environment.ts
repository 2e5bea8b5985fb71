import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { CaFiles } from "../tls/ca-directory.js";

/**
 * The environment a command run through the proxy gets (docs/proxy.md): the proxy variables in both
 * spellings (Go and curl read the upper-case ones, tencentcloud-sdk-nodejs reads http_proxy), the CA in
 * the variables that add to a trust store (NODE_EXTRA_CA_CERTS, with any the user had, so that those
 * hosts still verify) and the bundle in those that replace it (SSL_CERT_FILE, REQUESTS_CA_BUNDLE,
 * CURL_CA_BUNDLE), and the proxy's address for reverse mode.
 */
export async function proxyEnvironment(
  base: NodeJS.ProcessEnv,
  proxyUrl: string,
  ca: CaFiles,
): Promise<NodeJS.ProcessEnv> {
  let extraCerts = ca.cert;
  const own = base.NODE_EXTRA_CA_CERTS;
  if (own && path.resolve(own) !== path.resolve(ca.cert)) {
    extraCerts = path.join(path.dirname(ca.cert), "node-extra-ca-certs.pem");
    const theirs = await readFile(own, "utf8").catch(() => "");
    await writeFileAtomic(extraCerts, `${theirs.trim()}\n${(await readFile(ca.cert, "utf8")).trim()}\n`);
  }
  return {
    ...base,
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    http_proxy: proxyUrl,
    NODE_EXTRA_CA_CERTS: extraCerts,
    SSL_CERT_FILE: ca.bundle,
    REQUESTS_CA_BUNDLE: ca.bundle,
    CURL_CA_BUNDLE: ca.bundle,
    CONFORMANCE_PROXY_URL: proxyUrl,
  };
}
