import { parseArgs } from "node:util";
import { DEFAULT_MIN_SCORE, decideGate } from "../gate/gate.js";
import { runLiveJob } from "../live/live-job.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { printVerdict } from "./gate-command.js";
import { LIVE_OPTIONS, liveJobSettings } from "./live-options.js";
import { progressPrinter } from "./progress-printer.js";
import { parseNumberOption } from "./report-options.js";
import { RUN_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...LIVE_OPTIONS, "min-score": { type: "string" } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(RUN_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0) {
    throw new UsageError(`run takes no paths (got ${positionals.join(" ")}); use "conformance check PATH…"`);
  }
  const minScore = parseNumberOption("min-score", values["min-score"], 0, 100) ?? DEFAULT_MIN_SCORE;
  const settings = liveJobSettings(values);
  const progress = progressPrinter(values.quiet);
  let report: Awaited<ReturnType<typeof runLiveJob>>;
  try {
    report = await runLiveJob({
      ...settings,
      includeRecordings: settings.target === undefined,
      reportDir: values["report-dir"],
      config: values.config,
      maxBodyBytes: parseNumberOption("max-body-bytes", values["max-body-bytes"], 1, Number.MAX_SAFE_INTEGER),
      quiet: values.quiet,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.done();
  }
  const verdict = decideGate(report, { minScore });
  if (!values.quiet) printVerdict(verdict);
  if (!report.complete) return EXIT_USAGE_OR_INPUT;
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
