import { loadConfig } from "../config/load-config.js";
import { checkRecordings } from "../engine/check-recordings.js";
import { createEngine } from "../engine/engine.js";
import { decideGate } from "../gate/gate.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { GATE_OPTIONS, gateOptionsFrom } from "./gate-options.js";
import { interruption } from "./interruption.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { progressPrinter } from "./progress-printer.js";
import { publishReport } from "./publish-report.js";
import {
  maxResultsFrom,
  parseNumberOption,
  parseReporterOption,
  parseShardOption,
  REPORTING_OPTIONS,
} from "./report-options.js";
import { parseSelection, SELECTION_OPTIONS } from "./selection-options.js";
import { CHECK_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("check", argv, {
    ...REPORTING_OPTIONS,
    ...SELECTION_OPTIONS,
    ...GATE_OPTIONS,
    workers: { type: "string", default: "auto" },
  });
  if (values.help) {
    process.stdout.write(CHECK_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length === 0) throw new UsageError("check needs at least one HAR or NDJSON file or folder");
  const reporters = parseReporterOption(values.reporter);
  const shard = parseShardOption(values.shard);
  const select = parseSelection(values);
  const maxBodyBytes = parseNumberOption(
    "max-body-bytes",
    values["max-body-bytes"],
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const workers =
    values.workers === "auto" ? "auto" : (parseNumberOption("workers", values.workers, 0, 64) as number);
  if (workers !== "auto" && !Number.isInteger(workers))
    throw new UsageError(
      `--workers must be auto or a whole number from 0 to 64, got ${JSON.stringify(values.workers)}`,
    );
  const gate = await gateOptionsFrom(values);
  const config = await loadConfig(values.config);
  const engine = await createEngine(config);
  const progress = progressPrinter(values.quiet);
  let report: Awaited<ReturnType<typeof checkRecordings>>;
  try {
    report = await checkRecordings(
      positionals,
      engine,
      {
        maxBodyBytes: maxBodyBytes ?? config.maxBodyBytes,
        maxResults: maxResultsFrom(values["max-results"], config),
      },
      {
        onProgress: progress.onProgress,
        signal: interruption,
        shard,
        runId: values["run-id"],
        select,
        workers: { count: workers, config },
      },
    );
  } finally {
    progress.done();
  }
  const verdict = decideGate(report, gate);
  await publishReport(report, { reportDir: values["report-dir"], reporters, quiet: values.quiet, verdict });
  if (!report.complete) return EXIT_USAGE_OR_INPUT;
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
