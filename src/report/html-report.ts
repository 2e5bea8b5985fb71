import type { ConformanceReport } from "../types/generated/report.js";
import { html, type SafeHtml, trustedHtml } from "./html/escape-html.js";
import { renderFindings } from "./html/findings-section.js";
import { renderHeader } from "./html/header-section.js";
import { renderLists } from "./html/lists-section.js";
import { renderMatrix } from "./html/matrix-section.js";
import { CONTENT_SECURITY_POLICY, PAGE_SCRIPT, PAGE_STYLE } from "./html/page-assets.js";
import { layoutReport } from "./html/report-layout.js";
import { renderRules } from "./html/rules-section.js";
import { computeScores } from "./html/scores.js";
import { renderSummary } from "./html/summary-section.js";
import type { ReportContext, Reporter } from "./reporter.js";

/** Examples shown per rule; the rest are counted and left to conformance.json. */
export const FAILURES_PER_RULE = 50;
/** Entries shown of each list (skipped, input errors, transport failures). */
export const LIST_LIMIT = 200;
/** Characters of response bodies the page may hold in all, so that it stays a few MB. */
export const BODY_BUDGET_CHARS = 2_000_000;

export interface HtmlReportOptions {
  failuresPerRule?: number;
  listLimit?: number;
  bodyBudgetChars?: number;
}

function toolbar(): SafeHtml {
  return html`<div class="toolbar" id="toolbar" hidden><input type="search" id="filter" placeholder="Filter by action, rule, file, message…" aria-label="Filter"><label><input type="checkbox" id="failing-only"> only actions with findings</label><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></div>`;
}

/**
 * The report as one self-contained page: no external resource, one constant style sheet and one constant
 * script allowed by hash in the page's Content-Security-Policy; every text from the report escaped.
 */
export function renderHtmlReport(
  report: ConformanceReport,
  context: ReportContext,
  options: HtmlReportOptions = {},
): string {
  const layout = layoutReport(report);
  const scores = computeScores(report, layout);
  const budget = { left: options.bodyBudgetChars ?? BODY_BUDGET_CHARS };
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trustedHtml(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conformance report · ${report.summary.score.toFixed(2)}</title>
<style>${trustedHtml(PAGE_STYLE)}</style>
</head>
<body>
<main>
${renderHeader(report, context)}
${toolbar()}
${renderSummary(report, scores)}
${renderMatrix(layout, scores)}
${renderFindings(report, layout, options.failuresPerRule ?? FAILURES_PER_RULE, budget)}
${renderLists(report, options.listLimit ?? LIST_LIMIT)}
${renderRules(report)}
</main>
<script>${trustedHtml(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

export const htmlReporter: Reporter = {
  name: "html",
  file: "index.html",
  description: "a person's view: summary, the rules × actions matrix, each finding with the offending body",
  render: (report, context) => renderHtmlReport(report, context),
};
