import { PRODUCTS } from "../providers/registry.js";
import {
  type CertificateAuthority,
  createCertificateAuthority,
  type TlsMaterial,
} from "../tls/certificates.js";

/**
 * The names the sandbox answers to over TLS: the loopback address, localhost, and SERVICE.localhost for
 * every product (clients name a product by its host, as on cvm.tencentcloudapi.com). Listed one by one:
 * TLS clients refuse a wildcard directly under a single-label name such as `*.localhost`.
 */
export function sandboxHosts(): string[] {
  return ["127.0.0.1", "localhost", ...new Set(PRODUCTS.map((p) => `${p.service}.localhost`))];
}

/** A new CA and the sandbox's server certificate signed by it: trust `ca.cert` to reach the sandbox. */
export async function sandboxCertificate(): Promise<{ ca: CertificateAuthority; server: TlsMaterial }> {
  const ca = await createCertificateAuthority("cloud-envelope-conformance sandbox CA");
  return { ca, server: await ca.issue(sandboxHosts()) };
}
