import type { ConformanceReport } from "../../types/generated/report.js";
import { html, type SafeHtml } from "./escape-html.js";
import { type Scores, scoreOf, type Tally } from "./scores.js";

function tile(value: string | number, label: string, tone = ""): SafeHtml {
  return html`<div class="tile ${tone}"><b>${value}</b><span>${label}</span></div>`;
}

function scoreTable(title: string, rows: Map<string, Tally>): SafeHtml {
  const entries = [...rows].sort((a, b) => a[0].localeCompare(b[0]));
  return html`<table class="grid scores"><thead><tr><th>${title}</th><th class="num">checked</th><th class="num">failed</th><th>score</th></tr></thead><tbody>${entries.map(
    ([name, tally]) => {
      const score = scoreOf(tally);
      return html`<tr><td>${name}</td><td class="num">${tally.checked}</td><td class="num">${tally.failed}</td><td class="num"><span class="bar"><i class="w${Math.floor(score)}"></i></span>${score.toFixed(2)}</td></tr>`;
    },
  )}</tbody></table>`;
}

/** The totals, then the score per dialect and per product. */
export function renderSummary(report: ConformanceReport, scores: Scores): SafeHtml {
  const s = report.summary;
  return html`<section id="summary"><h2>Summary</h2>
<div class="tiles">
${tile(s.exchanges, "exchanges read")}${tile(s.checked, "checked")}${tile(s.skipped, "skipped", s.skipped > 0 ? "warn" : "")}${tile(s.passed, "passed", "pass")}${tile(s.failed, "failed", s.failed > 0 ? "fail" : "")}${tile(s.warned, "passed with warnings", s.warned > 0 ? "warn" : "")}${tile(s.score.toFixed(2), "score", s.score < 100 ? "fail" : "pass")}${tile(s.transportFailures, "transport failures", s.transportFailures > 0 ? "fail" : "")}
</div>
<p class="note">${s.findings.error} error finding(s) and ${s.findings.warning} warning(s). Score = 100 × passed ÷ checked; an exchange fails when any rule finds an error in it.</p>
${scores.byTarget.size === 0 ? "" : html`<div class="cols">${scoreTable("dialect", scores.byDialect)}${scoreTable("product", scores.byProduct)}</div>`}
</section>`;
}
