import { expect } from "chai";
import { reportSummary, summaryCounters } from "../../src/engine/report-summary.js";

const counters = {
  checked: 3,
  skipped: 1,
  failed: 1,
  warned: 1,
  errorFindings: 2,
  warningFindings: 1,
  transportFailures: 0,
};

describe("reportSummary: a report's summary and score from counters", () => {
  it("counts passed as checked minus failed and scores 100 × passed ÷ checked, rounded down", () => {
    expect(reportSummary(counters)).to.deep.equal({
      exchanges: 4,
      checked: 3,
      skipped: 1,
      passed: 2,
      failed: 1,
      warned: 1,
      score: 66.66,
      findings: { error: 2, warning: 1 },
      transportFailures: 0,
    });
  });

  it("scores 100 when nothing was checked", () => {
    expect(reportSummary({ ...counters, checked: 0, failed: 0, warned: 0 }).score).to.equal(100);
  });

  it("gives back the counters it was made from (what merge adds up)", () => {
    expect(summaryCounters(reportSummary(counters))).to.deep.equal(counters);
  });
});
