import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { rootCertificates } from "node:tls";
import { FileWriteError, writeFileAtomic } from "../files/write-file-atomic.js";
import { InputError } from "../model/exchange.js";
import {
  type CertificateAuthority,
  createCertificateAuthority,
  loadCertificateAuthority,
} from "./certificates.js";

/** The files of a CA directory: what a user trusts, what stays private, and the bundle for SSL_CERT_FILE. */
export interface CaFiles {
  /** The CA certificate: NODE_EXTRA_CA_CERTS, a Java trust store, the system's store. */
  cert: string;
  /** Its private key, readable by the owner only: never trust or share it. */
  key: string;
  /**
   * Node's bundled root certificates followed by the CA: for the variables that replace the system's
   * store rather than add to it (SSL_CERT_FILE, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE), so that hosts the
   * proxy only tunnels still verify.
   */
  bundle: string;
}

export interface OpenedCa {
  ca: CertificateAuthority;
  files: CaFiles;
  /** Whether this call made the CA (a new one must be trusted before clients accept the proxy). */
  created: boolean;
}

/** A CA a user adds to a trust store is kept longer than the sandbox's throw-away one. */
const PERSISTED_CA_DAYS = 365;

const exists = (file: string) =>
  readFile(file, "utf8").then(
    (text) => text,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw new InputError(file, `cannot read: ${error.message}`);
    },
  );

export const caFilesIn = (dir: string): CaFiles => ({
  cert: path.join(dir, "ca.pem"),
  key: path.join(dir, "ca-key.pem"),
  bundle: path.join(dir, "ca-bundle.pem"),
});

/**
 * The CA kept in `dir`: read when ca.pem and ca-key.pem are there (so that a CA a user trusted once stays
 * trusted), made and written when neither is. The key is written first, owner-only, and never
 * overwritten.
 */
export async function openCaDirectory(dir: string): Promise<OpenedCa> {
  const files = caFilesIn(dir);
  const [cert, key] = await Promise.all([exists(files.cert), exists(files.key)]);
  let ca: CertificateAuthority;
  let created = false;
  if (cert !== undefined && key !== undefined) {
    try {
      ca = await loadCertificateAuthority({ cert, key }, PERSISTED_CA_DAYS);
    } catch (error) {
      throw new InputError(
        files.cert,
        `cannot use this CA (${(error as Error).message}); remove ${files.cert} and ${files.key} to make a new one`,
      );
    }
  } else if (cert === undefined && key === undefined) {
    const made = await createCertificateAuthority("cloud-envelope-conformance proxy CA", PERSISTED_CA_DAYS);
    await mkdir(dir, { recursive: true });
    try {
      await writeFile(files.key, made.key, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        throw new InputError(files.key, "appeared while this CA was being made (another proxy?): run again");
      }
      throw new FileWriteError(files.key, error);
    }
    await writeFileAtomic(files.cert, made.cert);
    ca = made;
    created = true;
  } else {
    const missing = cert === undefined ? files.cert : files.key;
    throw new InputError(
      missing,
      "missing, while the other half of the CA is there: remove both to make a new CA",
    );
  }
  await writeFileAtomic(files.bundle, `${[...rootCertificates, ca.cert.trim()].join("\n")}\n`);
  return { ca, files, created };
}
