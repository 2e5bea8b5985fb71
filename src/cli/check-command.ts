import { parseArgs } from "node:util";
import { loadConfig } from "../config/load-config.js";
import { checkRecordings } from "../engine/check-recordings.js";
import { createEngine } from "../engine/engine.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { progressPrinter } from "./progress-printer.js";
import { publishReport } from "./publish-report.js";
import {
  parseNumberOption,
  parseReporterOption,
  parseShardOption,
  REPORTING_OPTIONS,
} from "./report-options.js";
import { CHECK_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

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
  const reporters = parseReporterOption(values.reporter);
  const shard = parseShardOption(values.shard);
  const maxBodyBytes = parseNumberOption(
    "max-body-bytes",
    values["max-body-bytes"],
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const config = await loadConfig(values.config);
  const engine = await createEngine(config);
  const progress = progressPrinter(values.quiet);
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once("SIGINT", interrupt);
  let report: Awaited<ReturnType<typeof checkRecordings>>;
  try {
    report = await checkRecordings(
      positionals,
      engine,
      { maxBodyBytes: maxBodyBytes ?? config.maxBodyBytes },
      {
        onProgress: progress.onProgress,
        signal: controller.signal,
        shard,
        runId: values["run-id"],
      },
    );
  } finally {
    process.off("SIGINT", interrupt);
    progress.done();
  }
  await publishReport(report, { reportDir: values["report-dir"], reporters, quiet: values.quiet });
  if (!report.complete) return EXIT_USAGE_OR_INPUT;
  return report.summary.failed > 0 ? EXIT_NOT_CONFORMANT : EXIT_CONFORMANT;
}
