import type { ConformanceReport } from "../../types/generated/report.js";
import { html, type SafeHtml } from "./escape-html.js";

/** The rules in force, collapsed: id, severity, requirement and the document it enforces. */
export function renderRules(report: ConformanceReport): SafeHtml {
  const rows = report.rules.map(
    (r) =>
      html`<tr><td><code>${r.id}</code></td><td><span class="badge ${r.severity === "error" ? "fail" : r.severity === "warning" ? "warn" : "none"}">${r.severity}</span></td><td>${r.description}<br><span class="note">${r.source.document}: “${r.source.quote}”</span></td></tr>`,
  );
  return html`<section id="rules"><details><summary><h2 class="inline">Rules (${report.rules.length})</h2></summary>
<table class="grid"><thead><tr><th>id</th><th>severity</th><th>requirement</th></tr></thead><tbody>${rows}</tbody></table>
</details></section>`;
}
