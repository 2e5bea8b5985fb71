/**
 * The report's matrix in two parts, `matrix` (cells that failed or warned) and `passingCells` (the others),
 * for the reporters and for programs that read reports: `allCells` gives every cell back, of any report
 * version. Made in src/engine (ReportBuilder writes the parts), re-exported here beside the readers.
 */
export { allCells, isNotPassing, passingCellList, splitCells } from "../engine/report-cells.js";
