import { expect } from "chai";
import { ACTION_CALLS } from "../../src/live/action-calls.js";
import { PROBES } from "../../src/live/probe-catalogue.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { DEFECTS, type DefectName } from "../../src/sandbox/defects.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { sandboxRunReport } from "../support/sandbox-live-run.js";

const runAgainstSandbox = sandboxRunReport;

/** Rule id → exchanges it failed (errors) or warned about. */
function caughtBy(report: ConformanceReport): Map<string, number> {
  const caught = new Map<string, number>();
  for (const cell of allCells(report))
    caught.set(cell.rule, (caught.get(cell.rule) ?? 0) + cell.failed + cell.warned);
  return caught;
}

describe("defect matrix: the suite runs once per sandbox defect, and each defect is caught by its rule", () => {
  it("the clean sandbox passes every rule (warnings only for Zenlayer codes no table publishes)", async () => {
    const report = await runAgainstSandbox([]);
    expect(report.summary.transportFailures).to.equal(0);
    expect(report.summary.failed, JSON.stringify(report.results.slice(0, 3), null, 2)).to.equal(0);
    const warnedRules = new Set(report.results.flatMap((r) => r.findings.map((f) => f.rule)));
    expect([...warnedRules]).to.deep.equal(warnedRules.size ? ["error-code-known"] : []);
    expect(report.results.every((r) => r.dialect === "zenlayer")).to.equal(true);
    const probes = allCells(report).filter((c) => c.rule === "probe-expected-code");
    expect(probes.reduce((n, c) => n + c.checked, 0)).to.equal(PROBES.length);
    // One comparison per call made in both JSON and XML.
    expect(
      allCells(report)
        .filter((c) => c.rule === "format-parity")
        .reduce((n, c) => n + c.checked, 0),
    ).to.equal(ACTION_CALLS.filter((c) => c.format === "xml").length);
  });

  for (const defect of DEFECTS) {
    it(`--defect ${defect.name} is caught by ${defect.rule}`, async () => {
      const report = await runAgainstSandbox([defect.name as DefectName]);
      expect(report.summary.transportFailures).to.equal(0);
      const caught = caughtBy(report);
      expect(
        caught.get(defect.rule) ?? 0,
        `rules that fired: ${JSON.stringify([...caught].filter(([, n]) => n > 0))}`,
      ).to.be.greaterThan(0);
    });
  }
});
