// The conformance suites over the recorded target: one test per dialect, product, action and rule.
// Run with `npm run suites` (CONFORMANCE_RECORDINGS=path/to/file.har npm run suites for another target).
import { expect } from "chai";
import { failureMessage } from "../src/report/failure-message.js";
import { allCells } from "../src/report/matrix-cells.js";
import { judgeRecordedTarget } from "./recorded-target.js";

const { paths, report } = await judgeRecordedTarget();

describe(`recorded target: ${paths.join(", ")}`, () => {
  it("reads every input to its end", () => {
    const errors = report.inputErrors.map(
      (e) => `${e.file}${e.index === undefined ? "" : `#${e.index}`}: ${e.message}`,
    );
    expect(errors, `input errors:\n${errors.join("\n")}`).to.deep.equal([]);
  });

  it("accounts for every exchange read (checked or skipped with a reason)", () => {
    const { exchanges, checked, skipped } = report.summary;
    expect(checked + skipped).to.equal(exchanges);
    expect(report.skipped.every((s) => s.reason.length > 0)).to.equal(true);
  });

  // Every reason, those of the skipped exchanges past the report's detail limit too.
  const skipReasons = new Set([
    ...report.skipped.map((s) => s.reason),
    ...Object.keys(report.summary.skippedReasons ?? {}),
  ]);
  if (skipReasons.size > 0) {
    describe("skipped exchanges", () => {
      for (const reason of skipReasons) it(`skipped: ${reason}`);
    });
  }

  // Every cell: the failing or warned ones of `matrix` and the passing ones of `passingCells`.
  const everyCell = allCells(report);
  const dialects = [...new Set(everyCell.map((c) => c.dialect))];
  for (const dialect of dialects) {
    describe(dialect, () => {
      const cells = everyCell.filter((c) => c.dialect === dialect);
      for (const target of [...new Set(cells.map((c) => `${c.product}/${c.action}`))]) {
        describe(target, () => {
          for (const cell of cells.filter((c) => `${c.product}/${c.action}` === target)) {
            it(`${cell.rule} (${cell.checked} exchange(s))`, () => {
              if (cell.failed === 0) return;
              const failing = report.results
                .filter((r) => r.dialect === dialect && `${r.product}/${r.action}` === target)
                .map((result) => ({
                  result,
                  findings: result.findings.filter((f) => f.rule === cell.rule && f.severity === "error"),
                }))
                .filter((f) => f.findings.length > 0);
              expect.fail(failureMessage(cell.rule, failing, cell.failed));
            });
          }
        });
      }
    });
  }
});
