import type { ConformanceReport } from "../../types/generated/report.js";
import { sourceLabel } from "../source-label.js";
import { html, type SafeHtml } from "./escape-html.js";
import { formatDuration } from "./header-section.js";

function capped<T>(
  items: readonly T[],
  limit: number,
  render: (item: T) => SafeHtml,
  total = items.length,
): SafeHtml {
  const more = total - Math.min(limit, items.length);
  return html`<ul class="plain">${items.slice(0, limit).map((item) => html`<li>${render(item)}</li>`)}</ul>${more > 0 ? html`<p class="more">… and ${more} more (see conformance.json)</p>` : ""}`;
}

/** Exchanges not judged, inputs not read and live calls without an answer, at most `limit` of each. */
export function renderLists(report: ConformanceReport, limit: number): SafeHtml {
  const parts: SafeHtml[] = [];
  const skipped = Math.max(report.skipped.length, report.summary.skipped);
  if (skipped > 0) {
    const reasons = Object.entries(report.summary.skippedReasons ?? {}).sort(
      (a, b) => (b[1] ?? 0) - (a[1] ?? 0),
    );
    const other = report.summary.skippedOtherReasons ?? 0;
    const byReason =
      reasons.length > 0
        ? html`<table class="grid"><thead><tr><th class="num">exchanges</th><th>reason</th></tr></thead><tbody>${reasons
            .slice(0, limit)
            .map(
              ([reason, count]) => html`<tr><td class="num">${count ?? 0}</td><td>${reason}</td></tr>`,
            )}${reasons.length > limit || other > 0 ? html`<tr><td class="num">${other + reasons.slice(limit).reduce((n, [, c]) => n + (c ?? 0), 0)}</td><td>other reasons</td></tr>` : ""}</tbody></table>`
        : "";
    parts.push(html`<section id="skipped"><h2>Skipped <span class="badge warn">${skipped}</span></h2>
<p class="note">Read but not judged.</p>
${byReason}${capped(report.skipped, limit, (s) => html`<code>${sourceLabel(s.source)}</code> ${s.reason}`, skipped)}</section>`);
  }
  if (report.inputErrors.length > 0) {
    parts.push(html`<section id="input-errors"><h2>Input errors <span class="badge fail">${report.inputErrors.length}</span></h2>
${capped(report.inputErrors, limit, (e) => html`<code>${e.file}${e.index === undefined ? "" : `#${e.index}`}</code> ${e.message}`)}</section>`);
  }
  if (report.transportFailures.length > 0) {
    parts.push(html`<section id="transport-failures"><h2>Transport failures <span class="badge fail">${report.transportFailures.length}</span></h2>
<p class="note">Live calls without a complete HTTP answer: not judged, and they fail the gate.</p>
${capped(report.transportFailures, limit, (f) => html`<code>${sourceLabel(f.source)}</code> <span class="badge none">${f.kind}</span> ${f.message} <span class="muted">after ${formatDuration(f.durationMs)}</span>`)}</section>`);
  }
  return html`${parts}`;
}
