import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { allCells } from "../../src/report/matrix-cells.js";
import { alibabaError, tencentError, tencentSuccess, zenlayerSuccess } from "../support/bodies.js";
import { harEntries } from "../support/har-entries.js";
import { ndjsonLines } from "../support/ndjson-lines.js";
import { readValidReport } from "../support/report-validator.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance check", () => {
  const tempDir = useTempDir();

  it("exits 0 on the shipped recordings and writes a report that matches its schema", async () => {
    const reportDir = path.join(tempDir(), "ok");
    const { code, stdout } = await runCli(["check", "recordings", "--report-dir", reportDir]);
    expect(code, stdout).to.equal(0);
    const shipped = harEntries("recordings");
    expect(stdout).to.contain(`${shipped} exchange(s) read, ${shipped} checked, 0 skipped`);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.summary).to.include({ exchanges: shipped, checked: shipped, failed: 0, score: 100 });
    expect(report.results).to.deep.equal([]);
    expect(report.rules.map((r) => r.id)).to.include.members([
      "body-parseable",
      "status-code-table",
      "xml-root",
    ]);
    expect(new Set(allCells(report).map((c) => c.dialect))).to.deep.equal(
      new Set(["alibaba", "tencent", "zenlayer"]),
    );
  });

  it("exits 1 on non-conformant exchanges, with findings naming file, index and pointer", async () => {
    const file = path.join(tempDir(), "mixed.ndjson");
    await writeFile(
      file,
      ndjsonLines([
        { dialect: "tencent", body: tencentSuccess() },
        { dialect: "tencent", status: 400, body: tencentError() },
        {
          dialect: "alibaba",
          product: "kms",
          status: 400,
          body: alibabaError("InvalidAccessKeyId.NotFound"),
        },
        {
          dialect: "zenlayer",
          body: zenlayerSuccess({ requestId: "T00000000-0000-0000-0000-000000000000" }),
        },
      ]),
    );
    const reportDir = path.join(tempDir(), "mixed");
    const { code, stdout } = await runCli(["check", file, "--report-dir", reportDir]);
    expect(code).to.equal(1);
    expect(stdout).to.include("passed 1 · failed 3");
    expect(stdout).to.include(`${file}#1 tencent/cvm/DescribeThings HTTP 400 error`);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    const byIndex = new Map(
      report.results.map((r) => [r.source.index, r.findings.map((f) => `${f.rule} ${f.pointer}`)]),
    );
    expect(byIndex.get(1)).to.deep.equal(["status-outcome "]);
    expect(byIndex.get(2)).to.deep.equal(["status-code-table /Code"]);
    expect(byIndex.get(3)).to.deep.equal(["request-id-consistent /response/requestId"]);
    expect(report.summary.score).to.equal(25);
  });

  it("--max-results N keeps the first N failing exchanges in full and counts the rest; the gate still sees every one", async () => {
    const file = path.join(tempDir(), "many-failures.ndjson");
    await writeFile(
      file,
      ndjsonLines(
        Array.from({ length: 12 }, () => ({
          dialect: "tencent" as const,
          status: 400,
          body: tencentError(),
        })),
      ),
    );
    const reportDir = path.join(tempDir(), "max-results");
    const { code, stdout } = await runCli(["check", file, "--report-dir", reportDir, "--max-results", "5"]);
    expect(code).to.equal(1);
    expect(stdout).to.include("failed 12");
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.results.map((r) => r.source.index)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(report.summary).to.include({ failed: 12, resultsOmitted: 7 });
    expect(report.detailLimit).to.equal(5);
    const bad = await runCli(["check", file, "--report-dir", reportDir, "--max-results", "1.5"]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("--max-results must be a whole number");
  });

  it("honours a configuration: host mapping, a rule turned off, a severity changed", async () => {
    const dir = tempDir();
    const file = path.join(dir, "private.ndjson");
    const lines = [
      JSON.stringify({
        request: { method: "POST", url: "http://127.0.0.1:9000/", headers: {} },
        response: {
          status: 200,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ Response: { RequestId: "not-a-uuid" } }),
        },
      }),
    ];
    await writeFile(file, `${lines.join("\n")}\n`);
    const config = path.join(dir, "conformance.config.json");
    await writeFile(
      config,
      JSON.stringify({
        hosts: [{ host: "127.0.0.1:9000", dialect: "tencent", product: "cvm" }],
        rules: { "request-id-format": "error", "error-code-known": "off" },
      }),
    );
    const reportDir = path.join(dir, "configured");
    const { code } = await runCli(["check", file, "--config", config, "--report-dir", reportDir]);
    expect(code).to.equal(1);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.results[0]?.findings.map((f) => [f.rule, f.severity])).to.deep.equal([
      ["request-id-format", "error"],
    ]);
    expect(report.rules.find((r) => r.id === "error-code-known")?.severity).to.equal("off");
  });

  it("exits 2 with a clear message for an unknown rule id in the configuration", async () => {
    const config = path.join(tempDir(), "bad.config.json");
    await writeFile(config, JSON.stringify({ rules: { "no-such-rule": "off" } }));
    const { code, stderr } = await runCli([
      "check",
      "recordings",
      "--config",
      config,
      "--report-dir",
      tempDir(),
    ]);
    expect(code).to.equal(2);
    const named = `conformance: ${config}: unknown rule id(s) in "rules": no-such-rule (known: body-parseable, `;
    expect(stderr.startsWith(named), stderr).to.equal(true);
  });

  it("exits 2 for usage errors, pointing at the command's own --help", async () => {
    for (const [args, message, help] of [
      [["check"], "check needs at least one HAR or NDJSON file or folder", "conformance check --help"],
      [["frobnicate"], 'unknown command "frobnicate"', "conformance --help"],
      [
        ["check", "recordings", "--max-body-bytes", "lots"],
        '--max-body-bytes must be a number from 1 to 9007199254740991, got "lots"',
        "conformance check --help",
      ],
      [
        ["check", "recordings", "--reportdir", "x"],
        "unknown option --reportdir (did you mean --report-dir?)",
        "conformance check --help",
      ],
      [
        ["check", "recordings", "--min-score", "-5"],
        '--min-score must be a number from 0 to 100, got "-5"',
        "conformance check --help",
      ],
      [
        ["check", "recordings", "--dialect", "tencnet"],
        "--dialect tencnet: expected tencent, alibaba, zenlayer",
        "conformance check --help",
      ],
    ] as const) {
      const { code, stderr } = await runCli([...args]);
      expect(code, args.join(" ")).to.equal(2);
      expect(stderr).to.equal(`conformance: ${message}\nRun "${help}" for usage.\n`);
    }
  });

  it("reads each file once, however often it is named", async () => {
    const reportDir = path.join(tempDir(), "once");
    for (const args of [
      ["recordings/tencent-cvm.har", "recordings/tencent-cvm.har", "./recordings/tencent-cvm.har"],
      ["recordings", "recordings/tencent-cvm.har"],
    ]) {
      const alone = harEntries(args.includes("recordings") ? "recordings" : "recordings/tencent-cvm.har");
      const { code } = await runCli(["check", ...args, "--quiet", "--report-dir", reportDir]);
      expect(code, args.join(" ")).to.equal(0);
      const report = readValidReport(path.join(reportDir, "conformance.json"));
      expect(report.summary.exchanges, args.join(" ")).to.equal(alone);
    }
  });

  it("fails the gate when nothing was checked, unless --allow-empty", async () => {
    const file = path.join(tempDir(), "empty.ndjson");
    await writeFile(file, "");
    const empty = await runCli(["check", file, "--report-dir", path.join(tempDir(), "empty")]);
    expect(empty.code, empty.stdout).to.equal(1);
    expect(empty.stdout).to.match(/gate: FAILED\n {2}- nothing was checked/);
    const allowed = await runCli([
      "check",
      file,
      "--allow-empty",
      "--report-dir",
      path.join(tempDir(), "e2"),
    ]);
    expect(allowed.code, allowed.stdout).to.equal(0);
    expect(allowed.stdout).to.include("gate: PASSED");
  });

  it("--dialect and --product judge only those exchanges; the others are skipped with the reason", async () => {
    const reportDir = path.join(tempDir(), "selected");
    const { code, stdout } = await runCli([
      "check",
      "recordings",
      "--dialect",
      "alibaba",
      "--product",
      "kms",
      "--report-dir",
      reportDir,
    ]);
    expect(code, stdout).to.equal(0);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(new Set(allCells(report).map((c) => `${c.dialect}/${c.product}`))).to.deep.equal(
      new Set(["alibaba/kms"]),
    );
    expect(report.summary.checked + report.summary.skipped).to.equal(report.summary.exchanges);
    expect(report.skipped.length).to.equal(report.summary.skipped).and.to.be.greaterThan(0);
    for (const { reason } of report.skipped)
      expect(reason).to.match(/^not selected: \w+\/\w+\/\w+ is outside --dialect alibaba --product kms$/);
    const typo = await runCli(["check", "recordings", "--product", "kmss", "--report-dir", reportDir]);
    expect(typo.code, "a typo selects nothing: the gate fails").to.equal(1);
  });

  it("documents itself", async () => {
    const main = await runCli(["--help"]);
    expect(main.code).to.equal(0);
    expect(main.stdout).to.include("check PATH…");
    const check = await runCli(["check", "--help"]);
    expect(check.stdout).to.include("--report-dir DIR");
    expect(check.stdout).to.include("--max-body-bytes N");
  });
});
