import type { ExchangeResult, ReportFinding } from "../types/generated/report.js";
import { sourceLabel } from "./source-label.js";

const SHOWN = 20;

function findingLine(result: ExchangeResult, finding: ReportFinding): string {
  const where = finding.location
    ? `${finding.location}${finding.pointer ? ` ${finding.pointer}` : ""}`
    : finding.pointer || "(body)";
  const lines = [
    `${sourceLabel(result.source)} (HTTP ${result.status}, ${result.outcome}) at ${where}: ${finding.message}`,
  ];
  if (finding.expected !== undefined) lines.push(`    expected: ${finding.expected}`);
  if (finding.actual !== undefined) lines.push(`    actual:   ${finding.actual}`);
  return lines.join("\n");
}

/**
 * The assertion message of a failing rule: each exchange by file and index, pointer, expected, actual.
 * `total`: how many exchanges violate it (the matrix cell's `failed`), when the report lists fewer (its
 * detailLimit left some out); the listed ones by default.
 */
export function failureMessage(
  rule: string,
  failing: { result: ExchangeResult; findings: ReportFinding[] }[],
  total = failing.length,
): string {
  const count = Math.max(total, failing.length);
  const lines = failing
    .slice(0, SHOWN)
    .flatMap(({ result, findings }) => findings.map((finding) => findingLine(result, finding)));
  const shown = Math.min(SHOWN, failing.length);
  const more =
    count > shown
      ? [
          `… and ${count - shown} more exchange(s) (see reports/conformance.json${failing.length < count ? ", which lists only the first exchanges with findings: its detailLimit" : ""})`,
        ]
      : [];
  return [`${count} exchange(s) violate ${rule}:`, ...lines, ...more].join("\n");
}
