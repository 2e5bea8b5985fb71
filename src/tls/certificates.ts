import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

/** A certificate and its private key, PEM-encoded: what node:tls and node:https take as `cert` and `key`. */
export interface TlsMaterial {
  cert: string;
  key: string;
}

/** A certificate authority that issues server certificates (the sandbox's, and the proxy's per host). */
export interface CertificateAuthority extends TlsMaterial {
  /** A server certificate for `hosts` (DNS names, `*.localhost` wildcards, IP addresses), signed by this CA. */
  issue(hosts: readonly string[]): Promise<TlsMaterial>;
}

/** ECDSA P-256: quick to generate (a few milliseconds), accepted by every TLS client the tests use. */
const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const serial = () =>
  Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString("hex")
    .replace(/^[89a-f]/, "7");

async function pemKey(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----\n`;
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(":");

/** A server certificate for `hosts`, signed by the CA whose certificate and private key are given. */
async function issueFrom(
  ca: x509.X509Certificate,
  caKey: CryptoKey,
  hosts: readonly string[],
  days: number,
): Promise<TlsMaterial> {
  if (hosts.length === 0) throw new Error("a server certificate needs at least one host");
  const leafKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const now = Date.now();
  // Never beyond the CA's own validity: a client refuses a leaf that outlives its issuer.
  const notAfter = new Date(Math.min(now + days * DAY_MS, ca.notAfter.getTime()));
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hosts[0]}`,
    issuer: ca.subject,
    notBefore: new Date(now - DAY_MS),
    notAfter,
    signingAlgorithm: ALGORITHM,
    publicKey: leafKeys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(
        hosts.map((host): x509.JsonGeneralName => ({ type: isIp(host) ? "ip" : "dns", value: host })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(await ca.publicKey.export()),
    ],
  });
  return { cert: leaf.toString("pem"), key: await pemKey(leafKeys.privateKey) };
}

/**
 * A new certificate authority, valid from a day ago (clock skew) for `days` days, its key kept in memory:
 * nothing is trusted until a user trusts its certificate (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, …).
 */
export async function createCertificateAuthority(
  name = "cloud-envelope-conformance local CA",
  days = 30,
): Promise<CertificateAuthority> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const now = Date.now();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + days * DAY_MS),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    cert: ca.toString("pem"),
    key: await pemKey(keys.privateKey),
    issue: (hosts) => issueFrom(ca, keys.privateKey, hosts, days),
  };
}

/**
 * The CA of a certificate and its PKCS #8 private key as createCertificateAuthority writes them (PEM), to
 * issue with again: the proxy reuses the CA a user already trusts. Throws when the two do not belong
 * together, the key is not ECDSA P-256, or the certificate is not a CA valid now.
 */
export async function loadCertificateAuthority(
  material: TlsMaterial,
  days = 30,
): Promise<CertificateAuthority> {
  const ca = new x509.X509Certificate(material.cert);
  const now = Date.now();
  if (ca.notAfter.getTime() <= now || ca.notBefore.getTime() > now) {
    throw new Error(
      `the CA certificate is not valid now (valid ${ca.notBefore.toISOString()} to ${ca.notAfter.toISOString()})`,
    );
  }
  const constraints = ca.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) throw new Error("the certificate is not a CA (no basicConstraints CA:TRUE)");
  const der = Buffer.from(
    material.key.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, "").replace(/\s+/g, ""),
    "base64",
  );
  const caKey = await webcrypto.subtle.importKey("pkcs8", der, ALGORITHM, true, ["sign"]);
  // The key must be the certificate's: a leaf signed with another key would be refused by every client.
  const probe = Buffer.from("conformance CA key check");
  const signature = await webcrypto.subtle.sign(ALGORITHM, caKey, probe);
  const publicKey = await ca.publicKey.export(ALGORITHM, ["verify"]);
  if (!(await webcrypto.subtle.verify(ALGORITHM, publicKey, signature, probe))) {
    throw new Error("the private key does not belong to the CA certificate");
  }
  return { cert: material.cert, key: material.key, issue: (hosts) => issueFrom(ca, caKey, hosts, days) };
}
