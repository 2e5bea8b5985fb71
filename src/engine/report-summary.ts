import { DEFAULT_MAX_RESULTS } from "../config/load-config.js";
import type { ReportSummary } from "../types/generated/report.js";

/** What a report's summary is computed from: counters a run (or the shards of one) adds up. */
export interface SummaryCounters {
  checked: number;
  skipped: number;
  /** Checked exchanges with at least one error finding. */
  failed: number;
  /** Checked exchanges with warnings and no error. */
  warned: number;
  errorFindings: number;
  warningFindings: number;
  transportFailures: number;
}

/** What a report left out of its lists, and the skipped exchanges by reason (reports since `detailLimit`). */
export interface SummaryDetail {
  resultsOmitted: number;
  skippedOmitted: number;
  skippedReasons: Record<string, number>;
  skippedOtherReasons: number;
}

export { DEFAULT_MAX_RESULTS };

/** The most skip reasons a summary counts apart (the first in code-unit order); the others are summed. */
export const MAX_SKIP_REASONS = 1000;

/** The one place a summary and its score are made: ReportBuilder.build and mergeReports both come here. */
export function reportSummary(counters: SummaryCounters, detail?: SummaryDetail): ReportSummary {
  const { checked, skipped, failed } = counters;
  const passed = checked - failed;
  return {
    exchanges: checked + skipped,
    checked,
    skipped,
    passed,
    failed,
    warned: counters.warned,
    // 100 × passed ÷ checked, rounded down to 2 decimals; 100 when nothing was checked.
    score: checked === 0 ? 100 : Math.floor((10000 * passed) / checked) / 100,
    findings: { error: counters.errorFindings, warning: counters.warningFindings },
    transportFailures: counters.transportFailures,
    ...(detail
      ? {
          resultsOmitted: detail.resultsOmitted,
          skippedOmitted: detail.skippedOmitted,
          skippedReasons: detail.skippedReasons,
          skippedOtherReasons: detail.skippedOtherReasons,
        }
      : {}),
  };
}

/** The counters a summary was made from (to add up the shards of a run). */
export function summaryCounters(summary: ReportSummary): SummaryCounters {
  return {
    checked: summary.checked,
    skipped: summary.skipped,
    failed: summary.failed,
    warned: summary.warned,
    errorFindings: summary.findings.error,
    warningFindings: summary.findings.warning,
    transportFailures: summary.transportFailures,
  };
}
