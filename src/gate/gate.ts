import type { ExpectedFailure, ExpectedFailures } from "../types/generated/baseline.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { failureKey } from "./baseline.js";

export interface GateOptions {
  /** Lowest score that may ship (0–100); undefined: not judged by score. */
  minScore?: number | undefined;
  /** "warning": warnings fail the gate too. */
  failOn?: "error" | "warning";
  /** Accepted failures: listed ones pass, unlisted ones fail, listed ones that now pass fail. */
  baseline?: ExpectedFailures | undefined;
}

export interface GateVerdict {
  passed: boolean;
  reasons: string[];
}

export const DEFAULT_MIN_SCORE = 100;

/** The matrix cells that fail at the gate's threshold: errors, and warnings too with --fail-on warning. */
export function currentFailures(report: ConformanceReport, failOn: "error" | "warning"): ExpectedFailure[] {
  return report.matrix
    .filter((cell) => cell.failed > 0 || (failOn === "warning" && cell.warned > 0))
    .map(({ dialect, product, action, rule }) => ({ dialect, product, action, rule }));
}

function baselineProblems(
  report: ConformanceReport,
  baseline: ExpectedFailures,
  failOn: "error" | "warning",
): string[] {
  const failing = new Map(currentFailures(report, failOn).map((f) => [failureKey(f), f]));
  const listed = new Set(baseline.expectedFailures.map(failureKey));
  const problems: string[] = [];
  for (const key of failing.keys())
    if (!listed.has(key)) problems.push(`new failure, not in the baseline: ${key}`);
  for (const key of listed) {
    if (!failing.has(key))
      problems.push(`listed in the baseline but passes now (remove it, or --update-baseline): ${key}`);
  }
  return problems;
}

/** May this release ship? Decided from a report alone (and the accepted failures, when given). */
export function decideGate(report: ConformanceReport, options: GateOptions = {}): GateVerdict {
  const failOn = options.failOn ?? "error";
  const { score, checked, failed, warned } = report.summary;
  const minScore = options.minScore ?? (options.baseline ? undefined : DEFAULT_MIN_SCORE);
  const problems: string[] = [];
  if (minScore !== undefined && score < minScore) {
    problems.push(
      `score ${score.toFixed(2)} is below the minimum ${minScore} (${failed} of ${checked} checked exchanges failed)`,
    );
  }
  if (options.baseline) problems.push(...baselineProblems(report, options.baseline, failOn));
  else if (failOn === "warning" && warned > 0)
    problems.push(`${warned} exchange(s) drew warnings (--fail-on warning)`);
  if (report.transportFailures.length > 0) {
    problems.push(
      `${report.transportFailures.length} call(s) got no complete answer (transport failures): the target was not fully judged`,
    );
  }
  if (report.inputErrors.length > 0)
    problems.push(`${report.inputErrors.length} input error(s): the run did not read all its input`);
  else if (!report.complete) problems.push("the run was interrupted: the report is incomplete");
  if (problems.length > 0) return { passed: false, reasons: problems };
  const accepted = options.baseline?.expectedFailures.length ?? 0;
  return {
    passed: true,
    reasons: [
      `score ${score.toFixed(2)}${minScore === undefined ? "" : ` ≥ ${minScore}`} over ${checked} checked exchange(s)${accepted ? `; ${accepted} accepted failure(s) of the baseline still fail as listed` : ""}`,
    ],
  };
}
