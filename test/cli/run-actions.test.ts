import path from "node:path";
import { expect } from "chai";
import { describedActionsOf } from "../../src/live/described-actions.js";
import { isReadOnlyAction } from "../../src/live/described-calls.js";
import { findProduct } from "../../src/providers/registry.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { readValidReport } from "../support/report-validator.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance run --actions", () => {
  const tempDir = useTempDir();

  it("calls every read-only described KMS action against the built-in sandbox, each judged by action-schema", async function () {
    this.timeout(60_000);
    const kms = findProduct("alibaba", "kms");
    if (!kms) throw new Error("no alibaba/kms");
    const reportDir = path.join(tempDir(), "kms");
    const { code, stdout, stderr } = await runCli([
      "run",
      "--product",
      "kms",
      "--actions",
      "all",
      "--report-dir",
      reportDir,
      "--quiet",
    ]);
    expect(code, stdout + stderr).to.equal(0);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    const judged = new Set(
      allCells(report)
        .filter(
          (c) =>
            c.dialect === "alibaba" && c.product === "kms" && c.rule === "action-schema" && c.checked > 0,
        )
        .map((c) => c.action),
    );
    const readOnly = describedActionsOf(kms).actions.filter(isReadOnlyAction);
    expect(readOnly.length).to.be.greaterThan(20);
    expect(readOnly.filter((a) => !judged.has(a))).to.deep.equal([]);
    expect(judged.size).to.be.at.least(readOnly.length);
  });

  it("an unknown action is a usage error naming the product's actions count and close names", async () => {
    const { code, stderr } = await runCli([
      "run",
      "--product",
      "kms",
      "--actions",
      "DescribeKye",
      "--report-dir",
      tempDir(),
    ]);
    expect(code).to.equal(2);
    expect(stderr).to.match(
      /^conformance: --actions DescribeKye: no selected product describes it \(alibaba\/kms describes 93 actions \(2016-01-20\)\); close: DescribeKey,/,
    );
  });
});
