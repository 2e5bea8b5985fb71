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

/** The assertion message of a failing rule: each exchange by file and index, pointer, expected, actual. */
export function failureMessage(
  rule: string,
  failing: { result: ExchangeResult; findings: ReportFinding[] }[],
): string {
  const lines = failing
    .slice(0, SHOWN)
    .flatMap(({ result, findings }) => findings.map((finding) => findingLine(result, finding)));
  const more =
    failing.length > SHOWN
      ? [`… and ${failing.length - SHOWN} more exchange(s) (see reports/conformance.json)`]
      : [];
  return [`${failing.length} exchange(s) violate ${rule}:`, ...lines, ...more].join("\n");
}
