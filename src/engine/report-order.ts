import type { MatrixCell, ReportInputError, ReportSource } from "../types/generated/report.js";

/**
 * The order of a report's lists, so that a whole run and the merge of its shards list the same entries in
 * the same order.
 */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By file (or target), entry index, then call. */
export function bySource(a: ReportSource, b: ReportSource): number {
  return compare(a.file, b.file) || a.index - b.index || compare(a.probe ?? "", b.probe ?? "");
}

/** By dialect, product, action, then rule. */
export function byCell(a: MatrixCell, b: MatrixCell): number {
  return (
    compare(a.dialect, b.dialect) ||
    compare(a.product, b.product) ||
    compare(a.action, b.action) ||
    compare(a.rule, b.rule)
  );
}

/** By file, entry index (a whole-file error first), then message. */
export function byInputError(a: ReportInputError, b: ReportInputError): number {
  return compare(a.file, b.file) || (a.index ?? -1) - (b.index ?? -1) || compare(a.message, b.message);
}
