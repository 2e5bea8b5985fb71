import type { ConformanceReport, PassingCells } from "../types/generated/report.js";
import type { Reporter } from "./reporter.js";

export const JSON_REPORT_NAME = "conformance.json";

/** Stands for `passingCells` in the indented text until it is written in its own, denser layout. */
const PASSING_CELLS_MARK = "\u0000passingCells\u0000";

/**
 * `passingCells` with one line per action (`"DescribeZones": {"body-parseable": 1, …}`): the same JSON
 * value, a third of the size of the 2-space indentation of the rest, since a large run has thousands of
 * passing actions (the Tencent corpus: 2 MB less).
 */
function renderPassingCells(passing: PassingCells): string {
  const entries = (value: object) => Object.entries(value).filter(([, v]) => v !== undefined);
  const block = (items: string[], indent: string) =>
    items.length === 0 ? "{}" : `{\n${items.join(",\n")}\n${indent}}`;
  return block(
    entries(passing).map(
      ([dialect, products]) =>
        `    ${JSON.stringify(dialect)}: ${block(
          entries(products).map(
            ([product, actions]) =>
              `      ${JSON.stringify(product)}: ${block(
                entries(actions).map(
                  ([action, rules]) => `        ${JSON.stringify(action)}: ${JSON.stringify(rules)}`,
                ),
                "      ",
              )}`,
          ),
          "    ",
        )}`,
    ),
    "  ",
  );
}

/** The report as indented JSON (2 spaces), `passingCells` one line per action. */
export function renderJsonReport(report: ConformanceReport): string {
  if (report.passingCells === undefined) return `${JSON.stringify(report, null, 2)}\n`;
  const text = JSON.stringify({ ...report, passingCells: PASSING_CELLS_MARK }, null, 2);
  // A member of the report itself: the only line that starts with two spaces and this (strings from traffic
  // are deeper, and their line breaks escaped).
  const mark = `\n  "passingCells": ${JSON.stringify(PASSING_CELLS_MARK)}`;
  const at = text.indexOf(mark) + mark.length - JSON.stringify(PASSING_CELLS_MARK).length;
  const end = at + JSON.stringify(PASSING_CELLS_MARK).length;
  return `${text.slice(0, at)}${renderPassingCells(report.passingCells)}${text.slice(end)}\n`;
}

export const jsonReporter: Reporter = {
  name: "json",
  file: JSON_REPORT_NAME,
  description: "the machine-readable report (schemas/report.schema.json)",
  render: (report) => renderJsonReport(report),
};
