import type { ConformanceReport, MatrixCell, RuleInfo } from "../../types/generated/report.js";

/**
 * The grid both the matrix and the findings are laid on: rules as columns, dialect/product/action targets
 * as rows, each with a number. Anchors in the page are made of these numbers only (`r3`, `c3-12`), so no
 * text from the report ever goes into a URL.
 */

export interface Target {
  dialect: string;
  product: string;
  action: string;
}

export interface RuleColumn {
  id: string;
  info?: RuleInfo;
}

export interface ReportLayout {
  rules: RuleColumn[];
  ruleIndex: Map<string, number>;
  targets: Target[];
  targetIndex: Map<string, number>;
  /** Matrix cells by cellKey(rule, target). */
  cells: Map<string, MatrixCell>;
}

export function targetKey(t: Target): string {
  return `${t.dialect}\u0000${t.product}\u0000${t.action}`;
}

export function cellKey(rule: number, target: number): string {
  return `${rule}:${target}`;
}

export const ruleAnchor = (rule: number): string => `r${rule}`;
export const cellAnchor = (rule: number, target: number): string => `c${rule}-${target}`;

function compareTargets(a: Target, b: Target): number {
  return (
    a.dialect.localeCompare(b.dialect) ||
    a.product.localeCompare(b.product) ||
    a.action.localeCompare(b.action)
  );
}

export function layoutReport(report: ConformanceReport): ReportLayout {
  const rules: RuleColumn[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (id: string, info?: RuleInfo): void => {
    if (ruleIndex.has(id)) return;
    ruleIndex.set(id, rules.length);
    rules.push(info ? { id, info } : { id });
  };
  for (const info of report.rules) if (info.severity !== "off") addRule(info.id, info);
  // Cells or findings of a rule the report does not describe (or describes as off) still get a column.
  const described = new Map(report.rules.map((r) => [r.id, r]));
  for (const cell of report.matrix) addRule(cell.rule, described.get(cell.rule));
  for (const result of report.results)
    for (const f of result.findings) addRule(f.rule, described.get(f.rule));

  const byKey = new Map<string, Target>();
  const addTarget = (t: Target): void => {
    const key = targetKey(t);
    if (!byKey.has(key)) byKey.set(key, { dialect: t.dialect, product: t.product, action: t.action });
  };
  for (const cell of report.matrix) addTarget(cell);
  for (const result of report.results) addTarget(result);
  const targets = [...byKey.values()].sort(compareTargets);
  const targetIndex = new Map(targets.map((t, i) => [targetKey(t), i]));

  const cells = new Map<string, MatrixCell>();
  for (const cell of report.matrix) {
    const r = ruleIndex.get(cell.rule) as number;
    const t = targetIndex.get(targetKey(cell)) as number;
    cells.set(cellKey(r, t), cell);
  }
  return { rules, ruleIndex, targets, targetIndex, cells };
}
