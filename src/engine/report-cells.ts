import type { ConformanceReport, MatrixCell, PassingCells } from "../types/generated/report.js";
import { byCell } from "./report-order.js";

/**
 * The report's matrix is written in two parts (reportVersion 2): `matrix`, the cells in which an exchange
 * failed or warned, in full; `passingCells`, every other cell as dialect → product → action → rule →
 * checked. A version 1 report has every cell in `matrix` and no `passingCells`. Whoever needs every cell
 * reads `allCells`; whoever needs only the failing or warned ones may read `matrix` alone.
 */

/** Does the cell belong in `matrix` (rather than `passingCells`)? */
export const isNotPassing = (cell: MatrixCell): boolean => cell.failed > 0 || cell.warned > 0;

/** Every passing cell of `passingCells`, in the matrix's order. */
export function passingCellList(passing: PassingCells | undefined): MatrixCell[] {
  const cells: MatrixCell[] = [];
  if (!passing) return cells;
  for (const [dialect, products] of Object.entries(passing))
    for (const [product, actions] of Object.entries(products ?? {}))
      for (const [action, rules] of Object.entries(actions ?? {}))
        for (const [rule, checked] of Object.entries(rules ?? {}))
          if (checked !== undefined)
            cells.push({ dialect, product, action, rule, checked, failed: 0, warned: 0 });
  return cells.sort(byCell);
}

/** Every cell of the report, `matrix` and `passingCells` alike, in the matrix's order (dialect, product, action, rule). */
export function allCells(report: Pick<ConformanceReport, "matrix" | "passingCells">): MatrixCell[] {
  if (!report.passingCells) return report.matrix;
  return [...report.matrix, ...passingCellList(report.passingCells)].sort(byCell);
}

/** The cells, in any order, as a report writes them: the failing or warned ones in full, the others by count. */
export function splitCells(cells: Iterable<MatrixCell>): Pick<ConformanceReport, "matrix" | "passingCells"> {
  const matrix: MatrixCell[] = [];
  const passing: MatrixCell[] = [];
  for (const cell of cells) (isNotPassing(cell) ? matrix : passing).push(cell);
  // Maps, then Object.fromEntries: names come from traffic, and one may be "__proto__".
  const tree = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const child = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      map.set(key, value);
    }
    return value;
  };
  for (const { dialect, product, action, rule, checked } of passing.sort(byCell)) {
    const products = child(tree, dialect, () => new Map());
    const actions = child(products, product, () => new Map());
    child(actions, action, () => new Map<string, number>()).set(rule, checked);
  }
  const passingCells: PassingCells = Object.fromEntries(
    [...tree].map(([dialect, products]) => [
      dialect,
      Object.fromEntries(
        [...products].map(([product, actions]) => [
          product,
          Object.fromEntries([...actions].map(([action, rules]) => [action, Object.fromEntries(rules)])),
        ]),
      ),
    ]),
  );
  return { matrix: matrix.sort(byCell), passingCells };
}
