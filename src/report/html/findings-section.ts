import type { ConformanceReport } from "../../types/generated/report.js";
import { html, type SafeHtml } from "./escape-html.js";
import { type BodyBudget, renderFailureCard } from "./failure-card.js";
import { groupFindings } from "./finding-groups.js";
import { cellAnchor, type ReportLayout, ruleAnchor } from "./report-layout.js";

function counts(failed: number, warned: number): SafeHtml {
  return html`${failed > 0 ? html`<span class="badge fail">${failed} failed</span>` : ""}${warned > 0 ? html`<span class="badge warn">${warned} warned</span>` : ""}`;
}

/**
 * Exchanges with findings, by rule then by action, at most `cap` per rule, each an expandable card; what
 * is left out is counted and pointed to conformance.json.
 */
export function renderFindings(
  report: ConformanceReport,
  layout: ReportLayout,
  cap: number,
  budget: BodyBudget,
): SafeHtml {
  const groups = groupFindings(report, layout, cap);
  if (groups.length === 0) {
    return html`<section id="findings"><h2>Findings by rule</h2><p class="muted">No exchange drew a finding.</p></section>`;
  }
  const sections = groups.map((group) => {
    const column = layout.rules[group.rule];
    const id = column?.id ?? "";
    const cells = group.cells.map((cell) => {
      const target = layout.targets[cell.target];
      const label = `${target?.dialect} / ${target?.product} / ${target?.action}`;
      const hidden = cell.total - cell.shown.length;
      return html`<div class="cell-group" id="${cellAnchor(group.rule, cell.target)}" data-label="${`${id} ${label}`}"><h4>${label} · ${cell.total} exchange(s)</h4>
${cell.shown.map((result) => renderFailureCard(result, id, budget))}
${hidden > 0 ? html`<p class="more">${cell.shown.length === 0 ? `${hidden} exchange(s) not shown here` : `… and ${hidden} more for this action`} (see conformance.json)</p>` : ""}</div>`;
    });
    const more = group.total - group.shownCount;
    return html`<section class="rule-group" id="${ruleAnchor(group.rule)}"><h3><code>${id}</code>${counts(group.failed, group.warned)}</h3>
${column?.info ? html`<p class="note">${column.info.description}${column.info.source.document ? ` (${column.info.source.document})` : ""}</p>` : ""}
${cells}
${more > 0 ? html`<p class="more">… and ${more} more (see conformance.json)</p>` : ""}
</section>`;
  });
  const index = groups.map((g) => {
    const id = layout.rules[g.rule]?.id ?? "";
    return html`<li><a href="#${ruleAnchor(g.rule)}"><code>${id}</code></a> ${counts(g.failed, g.warned)}</li>`;
  });
  const omitted = report.summary.resultsOmitted ?? 0;
  const cut =
    omitted > 0
      ? html`<p class="note">conformance.json lists the first ${report.results.length} exchange(s) with findings, in source order (its detailLimit, maxResults in the configuration); ${omitted} more are counted here and in its matrix, not listed.</p>`
      : "";
  return html`<section id="findings"><h2>Findings by rule</h2>
${cut}<ul class="plain rule-index">${index}</ul>
${sections}
</section>`;
}
