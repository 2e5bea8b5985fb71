import type { ConformanceReport, ExchangeResult } from "../../types/generated/report.js";
import { type ReportLayout, targetKey } from "./report-layout.js";

/**
 * The exchanges with findings, grouped by rule and, within a rule, by action (a matrix cell), with at most
 * `cap` examples kept per rule. The examples are shared out fairly between the rule's cells, so that every
 * cell with a few failures shows some even when another cell has thousands. Two passes over the results,
 * no sorting of them: linear in the number of findings.
 */

export interface CellFindings {
  target: number;
  /** Exchanges with a finding of this rule in this cell (the matrix's count when results were left out). */
  total: number;
  /** Of them, the ones `results` lists. */
  listed: number;
  failed: number;
  warned: number;
  shown: ExchangeResult[];
}

export interface RuleFindings {
  rule: number;
  total: number;
  failed: number;
  warned: number;
  shownCount: number;
  /** In target order. */
  cells: CellFindings[];
}

/** How many of each count to keep so that the sum is at most `cap`: the fairest share (water-filling). */
export function shareOut(counts: readonly number[], cap: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= cap) return [...counts];
  const order = counts.map((_, i) => i).sort((a, b) => (counts[a] as number) - (counts[b] as number));
  const shares = counts.map(() => 0);
  let left = cap;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const fair = Math.floor(left / (order.length - k));
    const share = Math.min(counts[i] as number, fair);
    shares[i] = share;
    left -= share;
  }
  // What floor() left over goes, one each, to the cells that still have more, in their own order.
  for (let i = 0; i < counts.length && left > 0; i++) {
    if ((shares[i] as number) < (counts[i] as number)) {
      shares[i] = (shares[i] as number) + 1;
      left--;
    }
  }
  return shares;
}

/** Distinct rules of a result's findings, each with "error" when any of its findings is an error. */
function rulesOf(result: ExchangeResult): Map<string, "error" | "warning"> {
  const rules = new Map<string, "error" | "warning">();
  for (const f of result.findings) if (rules.get(f.rule) !== "error") rules.set(f.rule, f.severity);
  return rules;
}

export function groupFindings(report: ConformanceReport, layout: ReportLayout, cap: number): RuleFindings[] {
  const groups = new Map<number, Map<number, CellFindings>>();
  const cellAt = (r: number, t: number): CellFindings => {
    let cells = groups.get(r);
    if (!cells) {
      cells = new Map();
      groups.set(r, cells);
    }
    let cell = cells.get(t);
    if (!cell) {
      cell = { target: t, total: 0, listed: 0, failed: 0, warned: 0, shown: [] };
      cells.set(t, cell);
    }
    return cell;
  };
  for (const result of report.results) {
    const t = layout.targetIndex.get(targetKey(result)) as number;
    for (const [rule, severity] of rulesOf(result)) {
      const r = layout.ruleIndex.get(rule) as number;
      const cell = cellAt(r, t);
      cell.listed++;
      if (severity === "error") cell.failed++;
      else cell.warned++;
    }
  }
  // The matrix counts every exchange, the listed ones and those left out past the report's detailLimit.
  for (const [key, matrixCell] of layout.cells) {
    if (matrixCell.failed === 0 && matrixCell.warned === 0) continue;
    const [r, t] = key.split(":").map(Number) as [number, number];
    const cell = cellAt(r, t);
    cell.failed = Math.max(cell.failed, matrixCell.failed);
    cell.warned = Math.max(cell.warned, matrixCell.warned);
  }
  for (const cells of groups.values())
    for (const cell of cells.values()) cell.total = Math.max(cell.listed, cell.failed + cell.warned);

  const quota = new Map<CellFindings, number>();
  const out: RuleFindings[] = [];
  for (const [rule, byTarget] of groups) {
    const cells = [...byTarget.values()].sort((a, b) => a.target - b.target);
    const shares = shareOut(
      cells.map((c) => c.listed),
      Math.max(0, cap),
    );
    cells.forEach((c, i) => {
      quota.set(c, shares[i] as number);
    });
    out.push({
      rule,
      total: cells.reduce((n, c) => n + c.total, 0),
      failed: cells.reduce((n, c) => n + c.failed, 0),
      warned: cells.reduce((n, c) => n + c.warned, 0),
      shownCount: shares.reduce((a, b) => a + b, 0),
      cells,
    });
  }

  for (const result of report.results) {
    const t = layout.targetIndex.get(targetKey(result)) as number;
    for (const rule of rulesOf(result).keys()) {
      const cell = groups.get(layout.ruleIndex.get(rule) as number)?.get(t) as CellFindings;
      if (cell.shown.length < (quota.get(cell) as number)) cell.shown.push(result);
    }
  }
  return out.sort((a, b) => a.rule - b.rule);
}
