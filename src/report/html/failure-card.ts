import path from "node:path";
import type { ExchangeResult, ReportFinding } from "../../types/generated/report.js";
import { sourceLabel } from "../source-label.js";
import { renderBodyView } from "./body-view.js";
import { html, type SafeHtml } from "./escape-html.js";

/** The page's allowance of body characters, shared by all cards so that the page stays a few MB. */
export interface BodyBudget {
  left: number;
}

/** Body pointers of the findings (not those about the status or a header), each with the rules at it. */
function bodyMarks(findings: readonly ReportFinding[]): Map<string, string> {
  const marks = new Map<string, string>();
  for (const f of findings) {
    if (f.location !== undefined || f.pointer === "") continue;
    const rules = marks.get(f.pointer);
    if (rules === undefined) marks.set(f.pointer, f.rule);
    else if (!rules.split(", ").includes(f.rule)) marks.set(f.pointer, `${rules}, ${f.rule}`);
  }
  return marks;
}

function whereOf(
  finding: ReportFinding,
  located: ReadonlySet<string>,
  unmarkable: string | undefined,
): SafeHtml {
  if (finding.location !== undefined) {
    return html`<code>${finding.location}</code>${finding.pointer === "" ? "" : html` <code>${finding.pointer}</code>`}`;
  }
  if (finding.pointer === "") return html`<span class="muted">the whole body</span>`;
  const note = located.has(finding.pointer)
    ? html`<span class="note">highlighted below</span>`
    : html`<span class="note">${unmarkable ? `not highlighted: ${unmarkable}` : "not found in the body, nothing highlighted"}</span>`;
  return html`<code>${finding.pointer}</code><br>${note}`;
}

function findingRow(
  finding: ReportFinding,
  rule: string,
  located: ReadonlySet<string>,
  unmarkable: string | undefined,
): SafeHtml {
  const detail = [
    finding.expected === undefined
      ? ""
      : html`<br><span class="muted">expected</span> <code>${finding.expected}</code>`,
    finding.actual === undefined
      ? ""
      : html`<br><span class="muted">actual</span> <code>${finding.actual}</code>`,
    finding.schema === undefined
      ? ""
      : html`<br><span class="muted">schema</span> <code>${finding.schema}</code>`,
  ];
  return html`<tr${finding.rule === rule ? html` class="this"` : ""}><td><code>${finding.rule}</code></td><td><span class="badge ${finding.severity === "error" ? "fail" : "warn"}">${finding.severity}</span></td><td class="where">${whereOf(finding, located, unmarkable)}</td><td>${finding.message}${detail}</td></tr>`;
}

/**
 * One exchange under one rule, collapsed to a line (source, status, outcome, the rule's first message);
 * open, every finding of the exchange (this rule's first) and the body with the pointers marked.
 */
export function renderFailureCard(result: ExchangeResult, rule: string, budget: BodyBudget): SafeHtml {
  const own = result.findings.filter((f) => f.rule === rule);
  const others = result.findings.filter((f) => f.rule !== rule);
  const first = own[0];
  const severity = own.some((f) => f.severity === "error") ? "error" : "warning";
  const body = renderBodyView(result, bodyMarks(result.findings), budget.left);
  budget.left -= body.size;
  // In the one-line summary a recording is named by its file name; the full path is in the card.
  const shortSource =
    result.source.probe === undefined
      ? sourceLabel({ ...result.source, file: path.basename(result.source.file) })
      : sourceLabel(result.source);
  const rows = [...own, ...others].map((f) => findingRow(f, rule, body.located, body.unmarkable));
  return html`<details class="card"><summary><span class="badge ${severity === "error" ? "fail" : "warn"}">${severity === "error" ? "fail" : "warn"}</span><code title="${sourceLabel(result.source)}">${shortSource}</code><span class="muted">HTTP ${result.status} · ${result.outcome}</span><span class="msg">${first?.message ?? ""}</span></summary>
<div class="card-body">
<div class="facts"><span>source <b>${sourceLabel(result.source)}</b></span><span>call <b>${result.dialect}/${result.product}/${result.action}</b></span><span>format <b>${result.format}</b></span><span>status <b>${result.status}</b></span><span>outcome <b>${result.outcome}</b></span></div>
<table class="grid findings"><thead><tr><th>rule</th><th>severity</th><th>where</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>
${body.markup}
</div></details>`;
}
