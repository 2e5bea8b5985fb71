import { allCells } from "../engine/report-cells.js";
import type { ExpectedFailure, ExpectedFailures } from "../types/generated/baseline.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { failureKey } from "./baseline.js";

export interface GateOptions {
  /** Lowest score that may ship (0–100); undefined: not judged by score. */
  minScore?: number | undefined;
  /** "warning": warnings fail the gate too. */
  failOn?: "error" | "warning";
  /**
   * Accepted failures: listed ones pass, unlisted ones fail, listed ones that now pass fail; listed ones
   * whose action the report did not check at all are noted and neither pass nor fail.
   */
  baseline?: ExpectedFailures | undefined;
  /** Pass a report that checked no exchange at all (by default it fails: it proves nothing). */
  allowEmpty?: boolean | undefined;
  /**
   * Most warning findings (`summary.findings.warning`) that may pass, as ESLint's `--max-warnings`:
   * more fail the gate; undefined or -1: no limit.
   */
  maxWarnings?: number | undefined;
}

export interface GateVerdict {
  passed: boolean;
  /** Why it failed (the problems) or why it passed, one line each; the notes, if any, come last. */
  reasons: string[];
  /** Lines that neither pass nor fail the gate (also at the end of `reasons`), e.g. baseline entries not checked. */
  notes?: string[];
}

export const DEFAULT_MIN_SCORE = 100;

/**
 * The matrix cells that fail at the gate's threshold: errors, and warnings too with --fail-on warning.
 * `matrix` holds every cell that failed or warned (`passingCells` only cells that did neither), in every
 * report version, so it is all this needs.
 */
export function currentFailures(report: ConformanceReport, failOn: "error" | "warning"): ExpectedFailure[] {
  return report.matrix
    .filter((cell) => cell.failed > 0 || (failOn === "warning" && cell.warned > 0))
    .map(({ dialect, product, action, rule }) => ({ dialect, product, action, rule }));
}

const actionKey = (f: Pick<ExpectedFailure, "dialect" | "product" | "action">) =>
  `${f.dialect}/${f.product}/${f.action}`;

interface BaselineJudgement {
  problems: string[];
  notes: string[];
  /** Listed failures that fail as listed. */
  accepted: number;
}

/**
 * The report against the accepted failures. Not checked is not fixed: a listed failure whose action has
 * no cell in the report's matrix (a Tencent-only run against a team-wide baseline) is only noted.
 */
function judgeBaseline(
  report: ConformanceReport,
  baseline: ExpectedFailures,
  failOn: "error" | "warning",
): BaselineJudgement {
  const failing = new Set(currentFailures(report, failOn).map(failureKey));
  // Checked actions include those whose every cell passed: they are in passingCells.
  const checkedActions = new Set(allCells(report).map(actionKey));
  const listed = new Map(baseline.expectedFailures.map((f) => [failureKey(f), f]));
  const judgement: BaselineJudgement = { problems: [], notes: [], accepted: 0 };
  for (const key of failing)
    if (!listed.has(key)) judgement.problems.push(`new failure, not in the baseline: ${key}`);
  for (const [key, failure] of listed) {
    if (failing.has(key)) judgement.accepted++;
    else if (!checkedActions.has(actionKey(failure)))
      judgement.notes.push(`not checked in this report: ${key}`);
    else
      judgement.problems.push(
        `listed in the baseline but passes now (remove it, or --update-baseline): ${key}`,
      );
  }
  return judgement;
}

/**
 * ESLint's `--max-warnings`: the problem when the report's warning findings exceed `maxWarnings`
 * ("12 warnings exceed --max-warnings 10"), else undefined (and always when the limit is undefined or -1).
 */
export function maxWarningsProblem(
  report: ConformanceReport,
  maxWarnings: number | undefined,
): string | undefined {
  if (maxWarnings === undefined || maxWarnings < 0) return undefined;
  const warnings = report.summary.findings.warning;
  if (warnings <= maxWarnings) return undefined;
  return `${warnings} warning${warnings === 1 ? "" : "s"} exceed --max-warnings ${maxWarnings}`;
}

/** May this release ship? Decided from a report alone (and the accepted failures, when given). */
export function decideGate(report: ConformanceReport, options: GateOptions = {}): GateVerdict {
  const failOn = options.failOn ?? "error";
  const { exchanges, skipped, score, checked, failed, warned } = report.summary;
  const minScore = options.minScore ?? (options.baseline ? undefined : DEFAULT_MIN_SCORE);
  const problems: string[] = [];
  const nothingChecked = checked === 0;
  if (nothingChecked && !options.allowEmpty) {
    problems.push(
      `nothing was checked: ${exchanges} exchange(s) read, ${skipped} skipped (--allow-empty passes a report that checked nothing)`,
    );
  }
  if (minScore !== undefined && score < minScore) {
    problems.push(
      `score ${score.toFixed(2)} is below the minimum ${minScore} (${failed} of ${checked} checked exchanges failed)`,
    );
  }
  const baseline = options.baseline ? judgeBaseline(report, options.baseline, failOn) : undefined;
  if (baseline) problems.push(...baseline.problems);
  else if (failOn === "warning" && warned > 0)
    problems.push(`${warned} exchange(s) drew warnings (--fail-on warning)`);
  const tooManyWarnings = maxWarningsProblem(report, options.maxWarnings);
  if (tooManyWarnings) problems.push(tooManyWarnings);
  if (report.transportFailures.length > 0) {
    problems.push(
      `${report.transportFailures.length} call(s) got no complete answer (transport failures): the target was not fully judged`,
    );
  }
  if (report.inputErrors.length > 0)
    problems.push(`${report.inputErrors.length} input error(s): the run did not read all its input`);
  else if (!report.complete) problems.push("the run was interrupted: the report is incomplete");
  const notes = baseline?.notes ?? [];
  if (problems.length > 0) return { passed: false, reasons: [...problems, ...notes], notes };
  const why = nothingChecked
    ? `nothing was checked (${exchanges} exchange(s) read, ${skipped} skipped), allowed by --allow-empty`
    : `score ${score.toFixed(2)}${minScore === undefined ? "" : ` ≥ ${minScore}`} over ${checked} checked exchange(s)${baseline?.accepted ? `; ${baseline.accepted} accepted failure(s) of the baseline still fail as listed` : ""}`;
  return { passed: true, reasons: [why, ...notes], notes };
}
