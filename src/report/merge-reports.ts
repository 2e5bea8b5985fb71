import { byCell, byInputError, bySource } from "../engine/report-order.js";
import { reportSummary, type SummaryCounters, summaryCounters } from "../engine/report-summary.js";
import { InputError } from "../model/exchange.js";
import type { ConformanceReport, MatrixCell } from "../types/generated/report.js";

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
 * The report of the whole run from its shards' reports: equal to what the unsharded run writes, apart from
 * the timings (earliest start, latest finish, summed duration).
 */
export function mergeReports(parts: readonly ReportFile[]): ConformanceReport {
  checkShards(parts);
  const reports = parts.map((p) => p.report);
  const first = reports[0] as ConformanceReport;
  const sum = (pick: (r: ConformanceReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const cells = new Map<string, MatrixCell>();
  for (const cell of reports.flatMap((r) => r.matrix)) {
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
  return {
    ...first,
    startedAt: reports.map((r) => r.startedAt).sort()[0] as string,
    finishedAt: reports
      .map((r) => r.finishedAt)
      .sort()
      .at(-1) as string,
    durationMs: sum((r) => r.durationMs),
    complete: reports.every((r) => r.complete),
    summary: reportSummary({
      checked: total("checked"),
      skipped: total("skipped"),
      failed: total("failed"),
      warned: total("warned"),
      errorFindings: total("errorFindings"),
      warningFindings: total("warningFindings"),
      transportFailures: total("transportFailures"),
    }),
    matrix: [...cells.values()].sort(byCell),
    results: reports.flatMap((r) => r.results).sort((a, b) => bySource(a.source, b.source)),
    skipped: reports.flatMap((r) => r.skipped).sort((a, b) => bySource(a.source, b.source)),
    inputErrors: [...inputErrors.values()].sort(byInputError),
    transportFailures: reports
      .flatMap((r) => r.transportFailures)
      .sort((a, b) => bySource(a.source, b.source)),
    run: { id: first.run.id, suite: first.run.suite },
  };
}
