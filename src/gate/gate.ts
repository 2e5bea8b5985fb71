import type { ConformanceReport } from "../types/generated/report.js";

export interface GateOptions {
  /** Lowest score that may ship (0–100). */
  minScore: number;
}

export interface GateVerdict {
  passed: boolean;
  reasons: string[];
}

export const DEFAULT_MIN_SCORE = 100;

/** May this release ship? Decided from a report alone. */
export function decideGate(report: ConformanceReport, options: GateOptions): GateVerdict {
  const { score, checked, failed } = report.summary;
  const problems: string[] = [];
  if (score < options.minScore) {
    problems.push(
      `score ${score.toFixed(2)} is below the minimum ${options.minScore} (${failed} of ${checked} checked exchanges failed)`,
    );
  }
  if (report.transportFailures.length > 0) {
    problems.push(
      `${report.transportFailures.length} call(s) got no complete answer (transport failures): the target was not fully judged`,
    );
  }
  if (report.inputErrors.length > 0)
    problems.push(`${report.inputErrors.length} input error(s): the run did not read all its input`);
  else if (!report.complete) problems.push("the run was interrupted: the report is incomplete");
  if (problems.length > 0) return { passed: false, reasons: problems };
  return {
    passed: true,
    reasons: [`score ${score.toFixed(2)} ≥ ${options.minScore} over ${checked} checked exchange(s)`],
  };
}
