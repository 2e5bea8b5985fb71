import type { ConformanceReport } from "../types/generated/report.js";
import { sourceLabel } from "./source-label.js";

const LIST_LIMIT = 10;

function more(total: number): string[] {
  return total > LIST_LIMIT ? [`    … and ${total - LIST_LIMIT} more (see the JSON report)`] : [];
}

/**
 * "  exchanges failing each rule:" and a line per rule with the number of exchanges, most first: the sums
 * of the matrix's cells (`failed` for errors, `warned` for warnings), complete even when `results` is cut
 * at the report's detailLimit.
 */
function countsByRule(report: ConformanceReport, severity: "error" | "warning", title: string): string[] {
  const byRule = new Map<string, number>();
  for (const cell of report.matrix) {
    const count = severity === "error" ? cell.failed : cell.warned;
    if (count > 0) byRule.set(cell.rule, (byRule.get(cell.rule) ?? 0) + count);
  }
  if (byRule.size === 0) return [];
  return [
    `  ${title}`,
    ...[...byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `    ${rule.padEnd(24)} ${count}`),
  ];
}

/**
 * A short, plain-text account of a report for the terminal. `interruptedBy` names what stopped the run
 * ("Ctrl-C", "SIGTERM"), when something did; the report itself does not know. Without it, an incomplete
 * report without input errors is taken to be an interrupted one.
 */
export function terminalSummary(
  report: ConformanceReport,
  reportFile?: string,
  { interruptedBy }: { interruptedBy?: string | undefined } = {},
): string {
  const { summary } = report;
  const lines = [
    `conformance: ${summary.exchanges} exchange(s) read, ${summary.checked} checked, ${summary.skipped} skipped`,
    `  passed ${summary.passed} · failed ${summary.failed} · warned ${summary.warned} · score ${summary.score.toFixed(2)}`,
  ];
  if (!report.complete && (interruptedBy !== undefined || report.inputErrors.length === 0))
    lines.unshift(
      `conformance: interrupted (${interruptedBy ?? "Ctrl-C"}): the report covers only what was done before it`,
    );
  lines.push(...countsByRule(report, "error", "exchanges failing each rule:"));
  lines.push(
    ...countsByRule(
      report,
      "warning",
      "exchanges warned by each rule (warnings do not fail the gate unless --fail-on warning):",
    ),
  );
  const failures = report.results.filter((r) => r.findings.some((f) => f.severity === "error"));
  if (failures.length > 0) {
    lines.push("  failures:");
    for (const result of failures.slice(0, LIST_LIMIT)) {
      lines.push(
        `    ${sourceLabel(result.source)} ${result.dialect}/${result.product}/${result.action} HTTP ${result.status} ${result.outcome}`,
      );
      for (const finding of result.findings.filter((f) => f.severity === "error").slice(0, 3)) {
        const where = finding.location ?? (finding.pointer || "/");
        lines.push(`      ${finding.rule} at ${where}: ${finding.message}`);
      }
    }
    lines.push(...more(Math.max(failures.length, report.summary.failed)));
  }
  if (report.skipped.length > 0) {
    lines.push("  skipped:");
    for (const { source, reason } of report.skipped.slice(0, LIST_LIMIT))
      lines.push(`    ${sourceLabel(source)}: ${reason}`);
    lines.push(...more(Math.max(report.skipped.length, report.summary.skipped)));
  }
  if (report.transportFailures.length > 0) {
    lines.push(`  transport failures (no complete answer; not judged): ${report.transportFailures.length}`);
    for (const f of report.transportFailures.slice(0, LIST_LIMIT)) {
      lines.push(`    ${f.source.probe ?? `#${f.source.index}`}: ${f.kind}: ${f.message}`);
    }
    lines.push(...more(report.transportFailures.length));
  }
  if (report.inputErrors.length > 0) {
    lines.push("  input errors:");
    for (const e of report.inputErrors.slice(0, LIST_LIMIT)) {
      lines.push(`    ${e.file}${e.index === undefined ? "" : `#${e.index}`}: ${e.message}`);
    }
    lines.push(...more(report.inputErrors.length));
  }
  if (reportFile) lines.push(`  report: ${reportFile}`);
  return `${lines.join("\n")}\n`;
}
