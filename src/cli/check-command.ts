import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/load-config.js";
import { checkRecordings } from "../engine/check-recordings.js";
import { createEngine } from "../engine/engine.js";
import { writeJsonReport } from "../report/json-report.js";
import { terminalSummary } from "../report/terminal-summary.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { progressPrinter } from "./progress-printer.js";
import { parseNumberOption, REPORTING_OPTIONS } from "./report-options.js";
import { CHECK_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export interface ReportingFlags {
  "report-dir": string;
  config?: string | undefined;
  "max-body-bytes"?: string | undefined;
  quiet: boolean;
}

/** Checks recordings, writes the report and prints the summary: the shared body of `check` and `run`. */
export async function checkAndReport(
  paths: string[] | undefined,
  flags: ReportingFlags,
): Promise<ConformanceReport> {
  const config = await loadConfig(flags.config);
  const maxBodyBytes = parseNumberOption(
    "max-body-bytes",
    flags["max-body-bytes"],
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const engine = await createEngine(config);
  const progress = progressPrinter(flags.quiet);
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once("SIGINT", interrupt);
  let report: ConformanceReport;
  try {
    report = await checkRecordings(
      paths ?? config.recordings,
      engine,
      { maxBodyBytes: maxBodyBytes ?? config.maxBodyBytes },
      {
        onProgress: progress.onProgress,
        signal: controller.signal,
      },
    );
  } finally {
    process.off("SIGINT", interrupt);
    progress.done();
  }
  const file = await writeJsonReport(report, path.resolve(flags["report-dir"]));
  if (!flags.quiet) process.stdout.write(terminalSummary(report, path.relative(process.cwd(), file) || file));
  return report;
}

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: REPORTING_OPTIONS,
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(CHECK_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length === 0) throw new UsageError("check needs at least one HAR or NDJSON file or folder");
  const report = await checkAndReport(positionals, values);
  if (!report.complete) return EXIT_USAGE_OR_INPUT;
  return report.summary.failed > 0 ? EXIT_NOT_CONFORMANT : EXIT_CONFORMANT;
}
