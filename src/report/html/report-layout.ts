import type { ConformanceReport, MatrixCell, RuleInfo } from "../../types/generated/report.js";
import { allCells, isNotPassing } from "../matrix-cells.js";

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

/**
 * The actions of one product in which every exchange passed every rule, summarised in one row: a large run
 * has thousands of them (the Tencent corpus: some 6,000 of 8,400 actions), and a row each would make the
 * page tens of MB.
 */
export interface PassingActions {
  dialect: string;
  product: string;
  /** How many actions. */
  actions: number;
  /** Their names, in order (the filter finds an action in its product's row). */
  names: string[];
  /** Their exchanges (each action's `body-parseable` cell, else the most any rule judged there). */
  exchanges: number;
  /** By rule column: how many of these actions the rule judged, and how many exchanges in all. */
  byRule: Map<number, { actions: number; checked: number }>;
}

export interface ReportLayout {
  rules: RuleColumn[];
  ruleIndex: Map<string, number>;
  /** The rows in full: actions with a failing or warned cell, or a listed result. */
  targets: Target[];
  targetIndex: Map<string, number>;
  /** Matrix cells of `targets` by cellKey(rule, target). */
  cells: Map<string, MatrixCell>;
  /** The other actions, by targetKey of their dialect and product (action ""), in product order. */
  passing: Map<string, PassingActions>;
}

export function targetKey(t: Target): string {
  return `${t.dialect}\u0000${t.product}\u0000${t.action}`;
}

export function cellKey(rule: number, target: number): string {
  return `${rule}:${target}`;
}

export const ruleAnchor = (rule: number): string => `r${rule}`;
export const cellAnchor = (rule: number, target: number): string => `c${rule}-${target}`;

export function compareTargets(a: Target, b: Target): number {
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
  const every = allCells(report);
  for (const cell of every) addRule(cell.rule, described.get(cell.rule));
  for (const result of report.results)
    for (const f of result.findings) addRule(f.rule, described.get(f.rule));

  const byKey = new Map<string, Target>();
  const addTarget = (t: Target): void => {
    const key = targetKey(t);
    if (!byKey.has(key)) byKey.set(key, { dialect: t.dialect, product: t.product, action: t.action });
  };
  for (const cell of every) if (isNotPassing(cell)) addTarget(cell);
  for (const result of report.results) addTarget(result);
  const targets = [...byKey.values()].sort(compareTargets);
  const targetIndex = new Map(targets.map((t, i) => [targetKey(t), i]));

  const cells = new Map<string, MatrixCell>();
  // The passing-only actions' cells, by action, to summarise per product below.
  const passingCells = new Map<string, MatrixCell[]>();
  for (const cell of every) {
    const key = targetKey(cell);
    const t = targetIndex.get(key);
    if (t !== undefined) cells.set(cellKey(ruleIndex.get(cell.rule) as number, t), cell);
    else {
      const list = passingCells.get(key);
      if (list) list.push(cell);
      else passingCells.set(key, [cell]);
    }
  }
  const passing = new Map<string, PassingActions>();
  for (const list of passingCells.values()) {
    const { dialect, product } = list[0] as MatrixCell;
    const key = targetKey({ dialect, product, action: "" });
    let summary = passing.get(key);
    if (!summary) {
      summary = { dialect, product, actions: 0, names: [], exchanges: 0, byRule: new Map() };
      passing.set(key, summary);
    }
    summary.actions++;
    summary.names.push((list[0] as MatrixCell).action);
    const judgedAll = list.find((c) => c.rule === "body-parseable");
    summary.exchanges += judgedAll?.checked ?? Math.max(...list.map((c) => c.checked));
    for (const cell of list) {
      const r = ruleIndex.get(cell.rule) as number;
      const byRule = summary.byRule.get(r) ?? { actions: 0, checked: 0 };
      byRule.actions++;
      byRule.checked += cell.checked;
      summary.byRule.set(r, byRule);
    }
  }
  const sortedPassing = new Map(
    [...passing].sort(([, a], [, b]) => compareTargets({ ...a, action: "" }, { ...b, action: "" })),
  );
  return { rules, ruleIndex, targets, targetIndex, cells, passing: sortedPassing };
}
