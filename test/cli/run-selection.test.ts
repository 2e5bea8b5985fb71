import path from "node:path";
import { expect } from "chai";
import { PRODUCTS } from "../../src/providers/registry.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { readValidReport } from "../support/report-validator.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance run --dialect / --product", () => {
  const tempDir = useTempDir();

  it("narrows the calls and the recorded target alike; the rest is skipped with the reason", async () => {
    const reportDir = path.join(tempDir(), "tencent");
    const { code, stdout, stderr } = await runCli(["run", "--dialect", "tencent", "--report-dir", reportDir]);
    expect(code, stdout + stderr).to.equal(0);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(new Set(allCells(report).map((c) => c.dialect))).to.deep.equal(new Set(["tencent"]));
    expect(report.summary.checked).to.be.greaterThan(0);
    expect(report.summary.checked + report.summary.skipped).to.equal(report.summary.exchanges);
    expect(report.skipped.length).to.be.greaterThan(0);
    for (const { source, reason } of report.skipped) {
      expect(source.file, reason).to.match(/recordings\/(alibaba|zenlayer)-/);
      expect(reason).to.match(/^not selected: (alibaba|zenlayer)\/\w+\/\w+ is outside --dialect tencent$/);
    }
  });

  it("an unknown product, or one the selected dialects lack, is a usage error naming the known ones", async () => {
    const [typo, impossible] = await Promise.all([
      runCli(["run", "--product", "xyz", "--report-dir", tempDir()]),
      runCli(["run", "--dialect", "alibaba", "--product", "cvm", "--report-dir", tempDir()]),
    ]);
    expect(typo.code).to.equal(2);
    expect(typo.stderr).to.equal(
      `conformance: --product xyz: unknown product; known: ${PRODUCTS.map((p) => `${p.id} (${p.dialect})`).join(", ")}\nRun "conformance run --help" for usage.\n`,
    );
    expect(impossible.code).to.equal(2);
    expect(impossible.stderr).to.match(
      /^conformance: --product cvm is a tencent product, but --dialect alibaba/,
    );
  });
});
