import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { CREDENTIAL_VARIABLES, SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { startSandbox } from "../../src/sandbox/start-sandbox.js";
import { readValidReport } from "../support/report-validator.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

/** The environment without any provider credential: the sandbox's defaults apply. */
const noCredentials = Object.fromEntries(
  Object.values(CREDENTIAL_VARIABLES).flatMap(({ id, secret }) => [
    [id, ""],
    [secret, ""],
  ]),
);

describe("conformance run and record (live)", () => {
  const tempDir = useTempDir();

  it("run with no arguments: sandbox, every call and probe, then the recordings; exit 0", async () => {
    const reportDir = path.join(tempDir(), "run");
    const { code, stdout, stderr } = await runCli(["run", "--report-dir", reportDir], { env: noCredentials });
    expect(code, stderr + stdout).to.equal(0);
    expect(stdout).to.include("gate: PASSED");
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.targets.map((t) => t.kind)).to.deep.equal(["live", "recorded"]);
    expect(report.targets[0]?.location).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.summary.failed).to.equal(0);
    expect(report.summary.checked).to.be.greaterThan(29 + 34);
  });

  it("run --defect fails the gate and names the rule that caught it", async () => {
    const { code, stdout } = await runCli(
      [
        "run",
        "--defect",
        "tencent-error-4xx",
        "--dialect",
        "tencent",
        "--report-dir",
        path.join(tempDir(), "defect"),
      ],
      { env: noCredentials },
    );
    expect(code).to.equal(1);
    expect(stdout).to.include("status-outcome");
    expect(stdout).to.include("gate: FAILED");
  });

  it("a real target without credentials, a malformed URL, an unknown defect: clear messages, exit 2", async () => {
    const missing = await runCli(
      ["run", "--target", "https://cvm.tencentcloudapi.com", "--dialect", "tencent"],
      { env: noCredentials },
    );
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include(
      "credentials missing for a real target: set tencent (TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY)",
    );
    const malformed = await runCli(["run", "--target", "not a url"], { env: noCredentials });
    expect(malformed.code).to.equal(2);
    expect(malformed.stderr).to.include('--target: not a URL: "not a url"');
    const ftp = await runCli(["run", "--target", "ftp://127.0.0.1/"], { env: noCredentials });
    expect(ftp.stderr).to.include("not an http(s) URL");
    const defect = await runCli(["run", "--defect", "no-such-defect"]);
    expect(defect.code).to.equal(2);
    expect(defect.stderr).to.include("known defects are");
  });

  it("record exits by the gate, with its options: Zenlayer's undocumented probe codes are warnings over --max-warnings 0", async () => {
    const reportDir = path.join(tempDir(), "record-max-warnings");
    const args = [
      "record",
      "--product",
      "bmc",
      "--actions",
      "Describe*",
      "--out",
      path.join(reportDir, "bmc.har"),
      "--report-dir",
      reportDir,
    ];
    const strict = await runCli([...args, "--max-warnings", "0"]);
    expect(strict.code, strict.stderr).to.equal(1);
    expect(strict.stdout).to.match(/gate: FAILED\n {2}- \d+ warnings exceed --max-warnings 0/);
    const lenient = await runCli([...args, "--quiet"]);
    expect(lenient.code, lenient.stderr).to.equal(0);
  });

  it("record --target: the recording holds every exchange, no secret survives, and check judges it the same", async () => {
    const credentials = {
      tencent: { id: "AKIDRecordTestSecretId000000000000000", secret: "RecordTestTencentSecretKey000000" },
      alibaba: { id: "LTAI5tRecordTestKeyId000", secret: "RecordTestAlibabaSecret000000000" },
      zenlayer: { id: "ZLRECORDTESTKEYID0000000", secret: "RecordTestZenlayerPassword000000" },
    };
    const env = Object.fromEntries(
      (["tencent", "alibaba", "zenlayer"] as const).flatMap((d) => [
        [CREDENTIAL_VARIABLES[d].id, credentials[d].id],
        [CREDENTIAL_VARIABLES[d].secret, credentials[d].secret],
      ]),
    );
    const sandbox = await startSandbox({ port: 0, credentials });
    try {
      const out = path.join(tempDir(), "live.har");
      const recordReport = path.join(tempDir(), "record");
      const recorded = await runCli(
        ["record", "--target", sandbox.url, "--out", out, "--report-dir", recordReport],
        { env },
      );
      expect(recorded.code, recorded.stderr + recorded.stdout).to.equal(0);
      expect(recorded.stdout).to.include("credentials redacted");
      const text = await readFile(out, "utf8");
      for (const { id, secret } of Object.values(credentials)) {
        expect(text).not.to.include(id);
        expect(text).not.to.include(secret);
      }
      for (const leaked of text.matchAll(/"name":"(Authorization|authorization)","value":"([^"]*)"/g))
        expect(leaked[2]).to.equal("[REDACTED]");
      expect(text).not.to.match(/Signature=(?!%5BREDACTED%5D)[^&"]+/);
      expect(text).not.to.match(/Signature=[0-9a-f]{64}/);
      expect(text).not.to.include(SANDBOX_CREDENTIALS.tencent.id);

      const live = readValidReport(path.join(recordReport, "conformance.json"));
      const checkReport = path.join(tempDir(), "check");
      const checked = await runCli(["check", out, "--report-dir", checkReport]);
      expect(checked.code, checked.stdout).to.equal(0);
      const replay = readValidReport(path.join(checkReport, "conformance.json"));
      expect(replay.summary.checked).to.equal(live.summary.checked);
      const probeCells = (r: typeof live) =>
        allCells(r)
          .filter((c) => c.rule === "probe-expected-code")
          .reduce((n, c) => n + c.checked, 0);
      expect(probeCells(replay)).to.equal(probeCells(live));
    } finally {
      await sandbox.close();
    }
  });
});
