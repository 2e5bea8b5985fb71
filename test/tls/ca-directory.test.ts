import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { rootCertificates } from "node:tls";
import { expect } from "chai";
import { InputError } from "../../src/model/exchange.js";
import { caFilesIn, openCaDirectory } from "../../src/tls/ca-directory.js";
import { createCertificateAuthority } from "../../src/tls/certificates.js";
import { useTempDir } from "../support/temp-dir.js";

describe("the proxy's CA directory (src/tls/ca-directory.ts)", () => {
  const tempDir = useTempDir();

  it("makes a CA when the folder has none, the key owner-only, and the bundle of Node's roots and the CA", async () => {
    const dir = path.join(tempDir(), "new");
    const opened = await openCaDirectory(dir);
    expect(opened.created).to.equal(true);
    expect(await readFile(opened.files.cert, "utf8")).to.equal(opened.ca.cert);
    expect((await stat(opened.files.key)).mode & 0o777).to.equal(0o600);
    const bundle = await readFile(opened.files.bundle, "utf8");
    expect(bundle.endsWith(`${opened.ca.cert.trim()}\n`)).to.equal(true);
    expect(bundle.split("BEGIN CERTIFICATE").length - 1).to.equal(rootCertificates.length + 1);
  });

  it("reuses the CA it finds, so that a CA trusted once stays trusted", async () => {
    const dir = path.join(tempDir(), "reused");
    const first = await openCaDirectory(dir);
    const second = await openCaDirectory(dir);
    expect(second.created).to.equal(false);
    expect(second.ca.cert).to.equal(first.ca.cert);
    const leaf = await second.ca.issue(["cvm.tencentcloudapi.com"]);
    expect(leaf.cert).to.contain("BEGIN CERTIFICATE");
  });

  it("refuses a key that is not the certificate's, and half a CA, naming the file and the way out", async () => {
    const dir = path.join(tempDir(), "mismatched");
    const files = caFilesIn(dir);
    await openCaDirectory(dir);
    await writeFile(files.key, (await createCertificateAuthority("another")).key);
    let error: unknown;
    try {
      await openCaDirectory(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).message)
      .to.contain(files.cert)
      .and.contain("the private key does not belong to the CA certificate")
      .and.contain("remove");
    await rm(files.key);
    error = undefined;
    try {
      await openCaDirectory(dir);
    } catch (caught) {
      error = caught;
    }
    expect((error as InputError).message)
      .to.contain(files.key)
      .and.contain("missing");
  });

  it("refuses a certificate that is not a CA", async () => {
    const dir = path.join(tempDir(), "leaf");
    const ca = await createCertificateAuthority("issuer");
    const leaf = await ca.issue(["example.test"]);
    const files = caFilesIn(dir);
    await openCaDirectory(dir);
    await writeFile(files.cert, leaf.cert);
    await writeFile(files.key, leaf.key);
    let error: unknown;
    try {
      await openCaDirectory(dir);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.contain("not a CA");
  });
});
