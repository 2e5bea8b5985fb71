import { expect } from "chai";
import { htmlReporter } from "../../src/report/html-report.js";
import { renderJsonReport } from "../../src/report/json-report.js";
import { allCells, splitCells } from "../../src/report/matrix-cells.js";
import type { ConformanceReport, ExchangeResult, MatrixCell } from "../../src/types/generated/report.js";

const RULES = [
  "action-schema",
  "body-parseable",
  "content-type-consistent",
  "envelope-shape",
  "request-id-format",
  "request-id-present",
  "status-outcome",
];
const HOSTILE = "<script>alert(1)</script>";

/**
 * A report the size of the Tencent corpus's: `actions` actions over 200 products, 7 rules each (56,000
 * cells for 8,000 actions), a quarter of each product's actions failing status-outcome, 1,000 results listed and the rest
 * omitted, as `conformance check` writes it (reportVersion 2).
 */
function corpusSizedReport(actions = 8000): ConformanceReport {
  const cells: MatrixCell[] = [];
  const results: ExchangeResult[] = [];
  let failing = 0;
  for (let a = 0; a < actions; a++) {
    const product = a === 1 ? HOSTILE : `product${a % 200}`;
    const action = a === 5 ? "__proto__" : `DescribeSomethingRatherLong${a}`;
    const fails = Math.floor(a / 200) % 4 === 0;
    if (fails) failing++;
    for (const rule of RULES)
      cells.push({
        dialect: "tencent",
        product,
        action,
        rule,
        checked: 1,
        failed: fails && rule === "status-outcome" ? 1 : 0,
        warned: 0,
      });
    if (fails && results.length < 1000) {
      const body = JSON.stringify({
        Response: { Error: { Code: "X", Message: "y".repeat(1500) }, RequestId: "r" },
      });
      results.push({
        source: { file: "tencent.ndjson", index: a },
        dialect: "tencent",
        product,
        action,
        format: "json",
        status: 400,
        outcome: "error",
        findings: [
          { rule: "status-outcome", severity: "error", message: "HTTP 400", pointer: "", location: "status" },
        ],
        response: { contentType: "application/json", body, bodyBytes: body.length, truncated: false },
      });
    }
  }
  return {
    reportVersion: 2,
    tool: { name: "cloud-envelope-conformance", version: "0.1.0" },
    startedAt: "2026-11-20T08:00:00.000Z",
    finishedAt: "2026-11-20T08:00:30.000Z",
    durationMs: 30000,
    complete: true,
    targets: [{ kind: "recorded", location: "tencent.ndjson" }],
    summary: {
      exchanges: actions,
      checked: actions,
      skipped: 0,
      passed: actions - failing,
      failed: failing,
      warned: 0,
      score: Math.floor((10000 * (actions - failing)) / actions) / 100,
      findings: { error: failing, warning: 0 },
      transportFailures: 0,
      resultsOmitted: failing - results.length,
      skippedOmitted: 0,
      skippedReasons: {},
      skippedOtherReasons: 0,
    },
    rules: RULES.map((id) => ({
      id,
      severity: "error" as const,
      description: id,
      dialects: ["tencent" as const],
      source: { document: "seeds/001", quote: "q" },
    })),
    ...splitCells(cells),
    results,
    skipped: [],
    detailLimit: 1000,
    inputErrors: [],
    transportFailures: [],
    run: { id: "run", suite: "suite" },
  };
}

describe("HTML report of a run with many cells", () => {
  const report = corpusSizedReport();
  const started = performance.now();
  const page = htmlReporter.render(report, {});
  const elapsed = performance.now() - started;

  it("stays under 5 MB for 56,000 cells of 8,000 actions, and renders in well under a few seconds", () => {
    expect(allCells(report)).to.have.length(56_000);
    expect(Buffer.byteLength(page)).to.be.below(5 * 1024 * 1024);
    expect(elapsed).to.be.below(5000);
  });

  it("shows every action with a failing cell in full, and the passing actions one row per product", () => {
    const rows = page.match(/<tr class="row has-fail"/g) ?? [];
    expect(rows).to.have.length(2000);
    const passingRows = page.match(/<tr class="row passing"/g) ?? [];
    expect(passingRows).to.have.length(200);
    // product2 has 40 actions, 10 of them failing: 30 pass every rule, one exchange each.
    expect(page).to.contain(
      '<th class="label">30 action(s) passing every rule</th><td class="count" title="exchanges checked">30</td>',
    );
    // The filter finds a passing action in its product's row.
    expect(page).to.match(
      /<tr class="row passing" data-label="tencent product2 [^"]*\bDescribeSomethingRatherLong202\b[^"]*">/,
    );
    expect(page).to.contain('title="body-parseable: 30 action(s), 30 exchange(s), all passed">30</td>');
  });

  it("scores each product over all its actions, passing ones included, failures from the matrix", () => {
    // product0: 40 exchanges, 10 failed (only some of them listed in results): 75.00.
    expect(page).to.match(
      /<td>tencent\/product0<\/td><td class="num">40<\/td><td class="num">10<\/td>.*?75\.00/,
    );
    expect(page).to.contain("2000 failed");
  });

  it("says that conformance.json lists only the first results, and counts the rest per action", () => {
    expect(page).to.contain("conformance.json lists the first 1000 exchange(s) with findings");
    expect(page).to.contain("1000 more are counted here and in its matrix");
    expect(page).to.contain("exchange(s) not shown here");
  });

  it("escapes names from traffic in the passing rows too", () => {
    expect(page).not.to.contain(HOSTILE);
    expect(page).to.contain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("renders a version 1 report (every cell in matrix) as the same page", () => {
    const { passingCells: _p, ...rest } = report;
    const old = { ...rest, reportVersion: 1, matrix: allCells(report) } as ConformanceReport;
    expect(htmlReporter.render(old, {})).to.equal(page);
  });

  it("writes passingCells one line per action, the same JSON value, __proto__ and all", () => {
    const text = renderJsonReport(report);
    const parsed = JSON.parse(text) as ConformanceReport;
    expect(parsed).to.deep.equal(JSON.parse(JSON.stringify(report)));
    expect(allCells(parsed)).to.deep.equal(allCells(report));
    expect(Object.hasOwn(parsed.passingCells?.tencent?.product5 ?? {}, "__proto__")).to.equal(true);
    expect(text).to.contain('\n        "DescribeSomethingRatherLong1": {"action-schema":1,');
    const withoutResults = { ...report, results: [] };
    expect(renderJsonReport(withoutResults).length).to.be.below(
      0.75 * JSON.stringify(withoutResults, null, 2).length,
    );
  });
});
