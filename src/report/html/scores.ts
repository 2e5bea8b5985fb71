import type { ConformanceReport } from "../../types/generated/report.js";
import { cellKey, type ReportLayout, targetKey } from "./report-layout.js";

/** Exchanges checked and failed for one dialect, product or action, and the score they make. */
export interface Tally {
  checked: number;
  failed: number;
}

export interface Scores {
  byTarget: Map<number, Tally>;
  /** Keyed by dialect. */
  byDialect: Map<string, Tally>;
  /** Keyed by "dialect/product". */
  byProduct: Map<string, Tally>;
}

/** The rule that judges every checked exchange, so its cells count the exchanges of each action. */
export const EVERY_EXCHANGE_RULE = "body-parseable";

/** 100 × passed / checked rounded down to 2 decimals, 100 when nothing was checked (as the summary's). */
export function scoreOf(tally: Tally): number {
  if (tally.checked === 0) return 100;
  return Math.floor((10000 * (tally.checked - tally.failed)) / tally.checked) / 100;
}

function add(map: Map<string, Tally>, key: string, tally: Tally): void {
  const sum = map.get(key) ?? { checked: 0, failed: 0 };
  sum.checked += tally.checked;
  sum.failed += tally.failed;
  map.set(key, sum);
}

/**
 * Scores per action, product and dialect. Exchanges per action are the `body-parseable` cell's `checked`
 * (that rule judges every checked exchange; when it is off, the most any rule judged there, a lower
 * bound); failures are the results with an error finding (at least the most failing rule's cell, when
 * results were left out). Actions that passed every rule count in their product and dialect.
 */
export function computeScores(report: ConformanceReport, layout: ReportLayout): Scores {
  const byTarget = new Map<number, Tally>();
  const every = layout.ruleIndex.get(EVERY_EXCHANGE_RULE);
  layout.targets.forEach((_, t) => {
    const cell = every === undefined ? undefined : layout.cells.get(cellKey(every, t));
    byTarget.set(t, { checked: cell?.checked ?? 0, failed: 0 });
  });
  const cells = [...layout.cells.values()];
  if (every === undefined || cells.every((c) => c.rule !== EVERY_EXCHANGE_RULE)) {
    for (const cell of cells) {
      const tally = byTarget.get(layout.targetIndex.get(targetKey(cell)) as number) as Tally;
      tally.checked = Math.max(tally.checked, cell.checked);
    }
  }
  for (const result of report.results) {
    if (!result.findings.some((f) => f.severity === "error")) continue;
    const tally = byTarget.get(layout.targetIndex.get(targetKey(result)) as number) as Tally;
    tally.failed++;
  }
  // When `results` is cut at the report's detailLimit, an action's failures are at least its most failing
  // rule's (exact whenever nothing was left out: every failing exchange is then a listed result).
  for (const cell of cells) {
    const tally = byTarget.get(layout.targetIndex.get(targetKey(cell)) as number) as Tally;
    tally.failed = Math.max(tally.failed, cell.failed);
  }
  for (const tally of byTarget.values()) tally.checked = Math.max(tally.checked, tally.failed);

  const byDialect = new Map<string, Tally>();
  const byProduct = new Map<string, Tally>();
  layout.targets.forEach((target, t) => {
    const tally = byTarget.get(t) as Tally;
    add(byDialect, target.dialect, tally);
    add(byProduct, `${target.dialect}/${target.product}`, tally);
  });
  for (const summary of layout.passing.values()) {
    const tally = { checked: summary.exchanges, failed: 0 };
    add(byDialect, summary.dialect, tally);
    add(byProduct, `${summary.dialect}/${summary.product}`, tally);
  }
  return { byTarget, byDialect, byProduct };
}
