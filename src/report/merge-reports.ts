import { byInputError, bySource, CountsByKey } from "../engine/report-order.js";
import {
  MAX_SKIP_REASONS,
  reportSummary,
  type SummaryCounters,
  summaryCounters,
} from "../engine/report-summary.js";
import { InputError } from "../model/exchange.js";
import type { ConformanceReport, MatrixCell, ReportSource } from "../types/generated/report.js";
import { allCells, splitCells } from "./matrix-cells.js";

export interface ReportFile {
  file: string;
  report: ConformanceReport;
}

const cellKey = (c: MatrixCell) => [c.dialect, c.product, c.action, c.rule].join("\u0000");

/** Refuses shards that are not the n parts of one run of one suite, naming the file at fault. */
function checkShards(parts: readonly ReportFile[]): void {
  const [first] = parts;
  if (!first) throw new InputError("merge", "no report to merge");
  const { run } = first.report;
  if (!run.shard) throw new InputError(first.file, "not a shard report (it was not made with --shard i/n)");
  const seen = new Map<number, string>();
  for (const { file, report } of parts) {
    if (!report.run.shard)
      throw new InputError(file, "not a shard report (it was not made with --shard i/n)");
    if (report.run.id !== run.id) {
      throw new InputError(
        file,
        `comes from another run: run id ${report.run.id}, while ${first.file} has ${run.id}`,
      );
    }
    if (report.run.suite !== run.suite) {
      throw new InputError(
        file,
        `comes from another suite or configuration: fingerprint ${report.run.suite}, while ${first.file} has ${run.suite}`,
      );
    }
    if (report.run.shard.total !== run.shard.total) {
      throw new InputError(
        file,
        `is shard ${report.run.shard.index}/${report.run.shard.total}, while ${first.file} is one of ${run.shard.total}`,
      );
    }
    const twin = seen.get(report.run.shard.index);
    if (twin)
      throw new InputError(
        file,
        `is shard ${report.run.shard.index}/${run.shard.total} again (also ${twin})`,
      );
    seen.set(report.run.shard.index, file);
  }
  const missing = Array.from({ length: run.shard.total }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new InputError(
      "merge",
      `shard(s) ${missing.map((i) => `${i}/${run.shard?.total}`).join(", ")} missing`,
    );
}

/**
 * The first `limit` entries of the shards' lists together, and how many of the whole run's are left out.
 * Each shard kept the first `limit` of its own, and an entry among the first `limit` of the whole run is
 * among the first `limit` of its shard (its shard holds no more entries before it than the run does), so
 * the first `limit` of the union are the run's; every other entry, kept by a shard or already omitted
 * there, is omitted.
 */
function firstOf<T extends { source: ReportSource }>(
  lists: readonly (readonly T[])[],
  total: number,
  limit: number,
): { kept: T[]; omitted: number } {
  const kept = lists
    .flat()
    .sort((a, b) => bySource(a.source, b.source))
    .slice(0, limit);
  return { kept, omitted: total - kept.length };
}

/**
 * The skipped exchanges by reason: the shards' counts added up, the first MAX_SKIP_REASONS reasons kept
 * (a reason among the run's first is among every shard's first, so its shards counted it exactly). A
 * shard of a report without the counts contributes its listed entries (it lists every one).
 */
function skipReasons(reports: readonly ConformanceReport[]): { kept: Record<string, number>; other: number } {
  const counts = new CountsByKey(MAX_SKIP_REASONS);
  let other = 0;
  for (const report of reports) {
    const { skippedReasons, skippedOtherReasons } = report.summary;
    if (skippedReasons) {
      for (const [reason, count] of Object.entries(skippedReasons)) if (count) counts.add(reason, count);
      other += skippedOtherReasons ?? 0;
    } else for (const { reason } of report.skipped) counts.add(reason);
  }
  return { kept: counts.entries(), other: other + counts.other };
}

/**
 * The report of the whole run from its shards' reports: equal to what the unsharded run writes, apart from
 * the timings (earliest start, latest finish, summed duration).
 */
export function mergeReports(parts: readonly ReportFile[]): ConformanceReport {
  checkShards(parts);
  const reports = parts.map((p) => p.report);
  const first = reports[0] as ConformanceReport;
  const sum = (pick: (r: ConformanceReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const cells = new Map<string, MatrixCell>();
  for (const cell of reports.flatMap((r) => allCells(r))) {
    const known = cells.get(cellKey(cell));
    if (known) {
      known.checked += cell.checked;
      known.failed += cell.failed;
      known.warned += cell.warned;
    } else cells.set(cellKey(cell), { ...cell });
  }
  const inputErrors = new Map(reports.flatMap((r) => r.inputErrors).map((e) => [JSON.stringify(e), e]));
  const counters = reports.map((r) => summaryCounters(r.summary));
  const total = (name: keyof SummaryCounters) => counters.reduce((n, c) => n + c[name], 0);
  // The merge keeps what the tightest shard kept; shards written before the limit kept everything.
  const limits = reports.map((r) => r.detailLimit ?? Number.POSITIVE_INFINITY);
  const limit = Math.min(...limits);
  const results = firstOf(
    reports.map((r) => r.results),
    sum((r) => r.results.length + (r.summary.resultsOmitted ?? 0)),
    limit,
  );
  const skipped = firstOf(
    reports.map((r) => r.skipped),
    total("skipped"),
    limit,
  );
  const reasons = skipReasons(reports);
  // Members in the order ReportBuilder writes them, so that the merged file reads as the unsharded one.
  return {
    ...(first.$schema === undefined ? {} : { $schema: first.$schema }),
    reportVersion: 2,
    tool: first.tool,
    startedAt: reports.map((r) => r.startedAt).sort()[0] as string,
    finishedAt: reports
      .map((r) => r.finishedAt)
      .sort()
      .at(-1) as string,
    durationMs: sum((r) => r.durationMs),
    complete: reports.every((r) => r.complete),
    targets: first.targets,
    summary: reportSummary(
      {
        checked: total("checked"),
        skipped: total("skipped"),
        failed: total("failed"),
        warned: total("warned"),
        errorFindings: total("errorFindings"),
        warningFindings: total("warningFindings"),
        transportFailures: total("transportFailures"),
      },
      {
        resultsOmitted: results.omitted,
        skippedOmitted: skipped.omitted,
        skippedReasons: reasons.kept,
        skippedOtherReasons: reasons.other,
      },
    ),
    rules: first.rules,
    ...splitCells(cells.values()),
    results: results.kept,
    skipped: skipped.kept,
    ...(Number.isFinite(limit) ? { detailLimit: limit } : {}),
    inputErrors: [...inputErrors.values()].sort(byInputError),
    transportFailures: reports
      .flatMap((r) => r.transportFailures)
      .sort((a, b) => bySource(a.source, b.source)),
    run: { id: first.run.id, suite: first.run.suite },
  };
}
