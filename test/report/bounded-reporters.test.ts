import { expect } from "chai";
import { renderGithubAnnotations } from "../../src/report/github-report.js";
import { renderJunit } from "../../src/report/junit-report.js";
import { renderMarkdown } from "../../src/report/markdown-report.js";
import { terminalSummary } from "../../src/report/terminal-summary.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { reportFrom, shuffled } from "../engine/report-builder-traffic.js";

const N = 150;

describe("reporters of a report cut at its detailLimit", () => {
  let cut: ConformanceReport;
  let whole: ConformanceReport;

  before(async () => {
    cut = await reportFrom(shuffled(N), { maxResults: 2 });
    whole = await reportFrom(shuffled(N), { maxResults: 100_000 });
    expect(cut.summary.resultsOmitted).to.be.greaterThan(10);
    expect(cut.summary.skippedOmitted).to.be.greaterThan(10);
  });

  it("JUnit: the same test cases and failures as the whole report, skipped counts from the summary", () => {
    const cases = (xml: string) => xml.match(/<testcase [^>]*>/g) ?? [];
    expect(cases(renderJunit(cut))).to.deep.equal(cases(renderJunit(whole)));
    const failures = (xml: string) => xml.match(/<failure message="[^"]*"/g) ?? [];
    expect(failures(renderJunit(cut))).to.deep.equal(failures(renderJunit(whole)));
    const skipped = (xml: string) => xml.match(/<skipped message="[^"]*"/g) ?? [];
    expect(skipped(renderJunit(cut)).sort()).to.deep.equal(skipped(renderJunit(whole)).sort());
    expect(renderJunit(cut)).to.contain('<skipped message="10 exchange(s) skipped: reason 0"/>');
  });

  it("Markdown: the rules table of the whole report, and every failing exchange counted", () => {
    const md = renderMarkdown(cut, {});
    const rules = (text: string) => text.slice(text.indexOf("### Rules"), text.indexOf("### Failures"));
    expect(rules(md)).to.equal(rules(renderMarkdown(whole, {})));
    const listed = cut.results.filter((r) => r.findings.some((f) => f.severity === "error")).length;
    expect(md).to.contain(`… and ${cut.summary.failed - listed} more failing exchange(s)`);
    expect(md).to.contain(`- skipped exchanges: ${cut.summary.skipped}`);
  });

  it("terminal summary: the counts by rule of the whole report", () => {
    const byRule = (text: string) => text.split("\n").filter((line) => /^ {4}[a-z-]+ +\d+$/.test(line));
    expect(byRule(terminalSummary(cut))).to.deep.equal(byRule(terminalSummary(whole)));
    expect(byRule(terminalSummary(cut)).length).to.be.greaterThan(0);
  });

  it("GitHub annotations: say that they cover the listed exchanges only", () => {
    expect(renderGithubAnnotations(cut, process.cwd())).to.contain(
      `${cut.summary.resultsOmitted} more are only counted in conformance.json`,
    );
    expect(renderGithubAnnotations(whole, process.cwd())).not.to.contain("only counted");
  });
});
