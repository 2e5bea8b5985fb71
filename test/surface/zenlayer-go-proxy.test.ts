// Zenlayer's official Go SDK through `conformance proxy` (from the build), in both modes, against the
// built-in sandbox served over TLS: every method of its bmc Client, as test/surface/zenlayer-go-sdk.test.ts
// calls them directly. Forward mode: the SDK keeps console.zenlayer.com over https and reaches it through
// HTTPS_PROXY, trusting the proxy's CA by SSL_CERT_FILE (both set by the proxy for the command); the proxy
// sends console.zenlayer.com to the sandbox with --keep-host, so the SDK's own ZC2 signature is what the
// sandbox verifies. Reverse mode: the SDK's endpoint is the proxy (CONFORMANCE_PROXY_URL), which finds
// console.zenlayer.com from the request and re-signs for the sandbox's host.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { sandboxCertificate } from "../../src/sandbox/sandbox-certificate.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { GO_INSTALL_TIMEOUT_MS } from "../support/go-toolchain.js";
import { builtBin, projectRoot } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";
import {
  BUILD_TIMEOUT_MS,
  buildZenlayerGoProgram,
  type CallLine,
  callLines,
  RUN_TIMEOUT_MS,
  runToExit,
} from "../support/zenlayer-go-program.js";

const ZENLAYER_HOST = "console.zenlayer.com";

function log(line: string): void {
  process.stdout.write(`      [zenlayer-go proxy] ${line}\n`);
}

describe("official SDK: zenlayercloud-sdk-go through conformance proxy, both modes", function () {
  this.timeout(GO_INSTALL_TIMEOUT_MS + BUILD_TIMEOUT_MS + 2 * RUN_TIMEOUT_MS);
  const tempDir = useTempDir();
  let binary: string;
  let sandbox: RunningSandbox;
  let sandboxCa: string;

  before(async () => {
    ({ binary } = await buildZenlayerGoProgram(tempDir()));
    const { ca, server } = await sandboxCertificate();
    sandboxCa = path.join(tempDir(), "sandbox-ca.pem");
    await writeFile(sandboxCa, ca.cert);
    sandbox = await startSandbox({ tls: server, credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    await sandbox?.close();
  });

  async function throughProxy(name: string, proxyArgs: string[], command: string[]) {
    const dir = path.join(tempDir(), name);
    const env = {
      ...process.env,
      ZENLAYERCLOUD_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.zenlayer.id,
      ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: SANDBOX_CREDENTIALS.zenlayer.secret,
      NODE_EXTRA_CA_CERTS: sandboxCa,
    };
    const ran = await runToExit(
      process.execPath,
      [
        builtBin,
        "proxy",
        "--quiet",
        "--ca-dir",
        path.join(tempDir(), "ca"),
        "--report-dir",
        dir,
        ...proxyArgs,
        "--",
        ...command,
      ],
      { cwd: projectRoot, env, timeoutMs: RUN_TIMEOUT_MS },
    );
    const report = JSON.parse(
      await readFile(path.join(dir, "conformance.json"), "utf8"),
    ) as ConformanceReport;
    const lines = callLines(ran.stdout.replace(/^(?!\{).*$/gm, ""));
    log(`${name}: ${lines.length} calls, ${report.summary.checked} exchanges checked in ${ran.ms} ms`);
    return { lines, report };
  }

  const failedCalls = (lines: CallLine[]) =>
    lines.filter((l) => l.kind === "call" && !l.ok).map((l) => `${l.method}: ${l.errorType} ${l.error}`);

  it("forward mode: every method answered with the SDK's own signature, every exchange judged conformant", async () => {
    const { lines, report } = await throughProxy(
      "forward",
      ["--upstream", `${ZENLAYER_HOST}=${sandbox.url}`, "--keep-host"],
      [binary, "-endpoint", ZENLAYER_HOST, "-scheme", "https"],
    );
    expect(lines.length).to.be.greaterThan(90);
    expect(failedCalls(lines)).to.deep.equal([]);
    // Nothing changed on the way: the wrong password still fails the SDK's own signature.
    expect(lines.find((l) => l.kind === "wrong-secret")).to.include({
      ok: false,
      code: "SIGNATURE_VERIFICATION_FAILED",
    });
    expect(report.summary).to.include({
      exchanges: lines.length,
      checked: lines.length,
      failed: 0,
      transportFailures: 0,
    });
    expect(new Set(allCells(report).map((c) => `${c.dialect}/${c.product}`))).to.deep.equal(
      new Set(["zenlayer/bmc"]),
    );
  });

  it("reverse mode: every method answered, re-signed by the proxy for the sandbox, every exchange judged", async () => {
    const { lines, report } = await throughProxy(
      "reverse",
      ["--upstream", `${ZENLAYER_HOST}=${sandbox.url}`],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a parameter expansion for sh, not a template
      ["sh", "-c", 'exec "$0" -endpoint "${CONFORMANCE_PROXY_URL#http://}" -scheme http', binary],
    );
    expect(lines.length).to.be.greaterThan(90);
    expect(failedCalls(lines)).to.deep.equal([]);
    // The upstream verifies the proxy's signature: a wrong password in the SDK does not show (docs/proxy.md).
    expect(lines.find((l) => l.kind === "wrong-secret")).to.include({ ok: true });
    expect(report.summary).to.include({
      exchanges: lines.length,
      checked: lines.length,
      failed: 0,
      transportFailures: 0,
    });
  });
});
