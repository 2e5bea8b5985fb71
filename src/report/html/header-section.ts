import type { ConformanceReport } from "../../types/generated/report.js";
import type { ReportContext } from "../reporter.js";
import { html, type SafeHtml } from "./escape-html.js";

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Targets named in the header; a run over thousands of files names the first ones. */
const TARGETS_SHOWN = 20;

/** Title, tool, run times, targets, completeness and the gate's verdict. */
export function renderHeader(report: ConformanceReport, context: ReportContext): SafeHtml {
  const { summary } = report;
  const overall =
    summary.failed > 0
      ? html`<span class="badge fail">${summary.failed} failing</span>`
      : summary.checked === 0
        ? html`<span class="badge none">nothing checked</span>`
        : html`<span class="badge pass">conformant</span>`;
  const complete = report.complete
    ? html`<span class="badge pass">complete</span>`
    : html`<span class="badge warn">incomplete</span>`;
  const targets: SafeHtml[] = report.targets
    .slice(0, TARGETS_SHOWN)
    .map(
      (t, i) => html`${i > 0 ? ", " : ""}<code>${t.location}</code> <span class="muted">(${t.kind})</span>`,
    );
  if (report.targets.length > TARGETS_SHOWN)
    targets.push(html` … and ${report.targets.length - TARGETS_SHOWN} more (see conformance.json)`);
  const verdict = context.verdict;
  return html`<header class="head">
<h1>Conformance report</h1>${overall}${complete}
<div class="meta">${report.tool.name} ${report.tool.version} · started ${report.startedAt} · finished ${report.finishedAt} · ${formatDuration(report.durationMs)}</div>
${report.run ? html`<div class="meta">Run <code>${report.run.id}</code>${report.run.shard ? ` · shard ${report.run.shard.index}/${report.run.shard.total}` : ""}</div>` : ""}
<div class="meta">Targets: ${targets.length > 0 ? targets : "none"}</div>
</header>
${
  verdict === undefined
    ? ""
    : html`<div class="verdict ${verdict.passed ? "pass" : "fail"}"><b>Release gate: ${verdict.passed ? "passed" : "failed"}</b><ul>${verdict.reasons.map((r) => html`<li>${r}</li>`)}</ul></div>`
}`;
}
