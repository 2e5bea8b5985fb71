import { html, type SafeHtml } from "./escape-html.js";
import {
  cellAnchor,
  cellKey,
  compareTargets,
  type PassingActions,
  type ReportLayout,
  type Target,
} from "./report-layout.js";
import { type Scores, scoreOf, type Tally } from "./scores.js";

type Tone = "pass" | "fail" | "warn" | "none";

function cellView(layout: ReportLayout, r: number, t: number): { tone: Tone; markup: SafeHtml } {
  const rule = layout.rules[r];
  const target = layout.targets[t];
  const cell = layout.cells.get(cellKey(r, t));
  const where = `${rule?.id} · ${target?.dialect}/${target?.product}/${target?.action}`;
  // Passing and unjudged cells are most of a large matrix: their markup is kept short (the rule and the
  // action are the sticky column and row headers).
  if (cell === undefined || cell.checked === 0)
    return { tone: "none", markup: html`<td class="m none"></td>` };
  const title = `${where}: checked ${cell.checked}, failed ${cell.failed}, warned ${cell.warned}`;
  if (cell.failed > 0) {
    return {
      tone: "fail",
      markup: html`<td class="m fail" title="${title}"><a href="#${cellAnchor(r, t)}">${cell.failed}</a></td>`,
    };
  }
  if (cell.warned > 0) {
    return {
      tone: "warn",
      markup: html`<td class="m warn" title="${title}"><a href="#${cellAnchor(r, t)}">${cell.warned}</a></td>`,
    };
  }
  return { tone: "pass", markup: html`<td class="m pass" title="checked ${cell.checked}"></td>` };
}

function groupRow(name: string, tally: Tally | undefined, columns: number): SafeHtml {
  const t = tally ?? { checked: 0, failed: 0 };
  return html`<tr class="group"><th class="label" colspan="${columns}">${name}<span>${t.checked} exchange(s) · ${t.failed} failed · score ${scoreOf(t).toFixed(2)}</span></th></tr>`;
}

/** One row for the actions of a product in which every rule passed: per rule, how many it judged. */
function passingRow(layout: ReportLayout, summary: PassingActions): SafeHtml {
  const cells = layout.rules.map((rule, r) => {
    const judged = summary.byRule.get(r);
    if (!judged) return html`<td class="m none"></td>`;
    return html`<td class="m pass" title="${rule.id}: ${judged.actions} action(s), ${judged.checked} exchange(s), all passed">${judged.actions}</td>`;
  });
  return html`<tr class="row passing" data-label="${`${summary.dialect} ${summary.product} ${summary.names.join(" ")}`}"><th class="label">${summary.actions} action(s) passing every rule</th><td class="count" title="exchanges checked">${summary.exchanges}</td>${cells}</tr>`;
}

/**
 * Rules as columns, dialect/product/action as rows (grouped by dialect/product); each cell coloured by its
 * result, its counts in the tooltip, failing and warning cells linking to their findings.
 */
export function renderMatrix(layout: ReportLayout, scores: Scores): SafeHtml {
  if (layout.targets.length === 0 && layout.passing.size === 0) {
    return html`<section id="matrix"><h2>Matrix</h2><p class="muted">No exchange was judged.</p></section>`;
  }
  const head = layout.rules.map(
    (rule) =>
      html`<th class="rule${rule.info?.severity === "warning" ? " warning" : ""}" title="${rule.info ? `${rule.info.description} (${rule.info.severity})` : rule.id}"><div>${rule.id}</div></th>`,
  );
  const rows: SafeHtml[] = [];
  let group = "";
  const startGroup = (dialect: string, product: string): void => {
    const name = `${dialect} / ${product}`;
    if (name === group) return;
    group = name;
    rows.push(groupRow(name, scores.byProduct.get(`${dialect}/${product}`), layout.rules.length + 2));
  };
  // The passing actions' row closes its product's group, which it opens when no action failed there.
  const passing = [...layout.passing.values()];
  let next = 0;
  const passingUpTo = (product: Target | undefined): void => {
    for (; next < passing.length; next++) {
      const summary = passing[next] as PassingActions;
      if (product && compareTargets({ ...summary, action: "" }, product) >= 0) break;
      startGroup(summary.dialect, summary.product);
      rows.push(passingRow(layout, summary));
    }
  };
  layout.targets.forEach((target, t) => {
    const name = `${target.dialect} / ${target.product}`;
    if (name !== group) passingUpTo({ ...target, action: "" });
    startGroup(target.dialect, target.product);
    const cells = layout.rules.map((_, r) => cellView(layout, r, t));
    const fails = cells.some((c) => c.tone === "fail");
    const warns = cells.some((c) => c.tone === "warn");
    const tally = scores.byTarget.get(t);
    rows.push(
      html`<tr class="row${fails ? " has-fail" : ""}${warns ? " has-warn" : ""}" data-label="${`${target.dialect} ${target.product} ${target.action}`}"><th class="label">${target.action}</th><td class="count" title="exchanges checked · failed">${tally?.checked ?? 0}${tally && tally.failed > 0 ? html` · <b>${tally.failed}</b>` : ""}</td>${cells.map((c) => c.markup)}</tr>`,
    );
  });
  passingUpTo(undefined);
  return html`<section id="matrix"><h2>Matrix</h2>
<div class="legend"><span><i class="pass-key"></i>pass</span><span><i class="warn-key"></i>warning (count)</span><span><i class="fail-key"></i>fail (count)</span><span><i class="none-key"></i>not judged</span><span>hover a cell for its counts; click a count for its findings</span><span>the actions of a product that pass every rule share one row, each cell the number of them the rule judged</span></div>
<div class="matrix-wrap"><table class="matrix"><thead><tr><th class="label">action</th><th class="count">exch.</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
</section>`;
}
