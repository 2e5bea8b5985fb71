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
  const caName = `CN=${name}`;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: caName,
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
  const caKey = await pemKey(keys.privateKey);

  async function issue(hosts: readonly string[]): Promise<TlsMaterial> {
    if (hosts.length === 0) throw new Error("a server certificate needs at least one host");
    const leafKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: `CN=${hosts[0]}`,
      issuer: ca.subject,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + days * DAY_MS),
      signingAlgorithm: ALGORITHM,
      publicKey: leafKeys.publicKey,
      signingKey: keys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
        new x509.SubjectAlternativeNameExtension(
          hosts.map((host): x509.JsonGeneralName => ({ type: isIp(host) ? "ip" : "dns", value: host })),
        ),
        await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return { cert: leaf.toString("pem"), key: await pemKey(leafKeys.privateKey) };
  }

  return { cert: ca.toString("pem"), key: caKey, issue };
}
