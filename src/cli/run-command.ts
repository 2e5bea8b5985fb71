import { decideGate } from "../gate/gate.js";
import { runLiveJob } from "../live/live-job.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { GATE_OPTIONS, gateOptionsFrom } from "./gate-options.js";
import { interruption } from "./interruption.js";
import { LIVE_OPTIONS, liveJobOptions } from "./live-options.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { progressPrinter } from "./progress-printer.js";
import { publishReport } from "./publish-report.js";
import { parseReporterOption } from "./report-options.js";
import { RUN_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("run", argv, { ...LIVE_OPTIONS, ...GATE_OPTIONS });
  if (values.help) {
    process.stdout.write(RUN_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0) {
    throw new UsageError(`run takes no paths (got ${positionals.join(" ")}); use "conformance check PATH…"`);
  }
  const reporters = parseReporterOption(values.reporter);
  const options = liveJobOptions(values);
  const gate = await gateOptionsFrom(values);
  const progress = progressPrinter(values.quiet);
  let job: Awaited<ReturnType<typeof runLiveJob>>;
  try {
    job = await runLiveJob({
      ...options,
      includeRecordings: options.target === undefined,
      onProgress: progress.onProgress,
      signal: interruption,
    });
  } finally {
    progress.done();
  }
  const verdict = decideGate(job.report, gate);
  await publishReport(job.report, {
    reportDir: values["report-dir"],
    reporters,
    quiet: values.quiet,
    verdict,
  });
  if (!job.report.complete) return EXIT_USAGE_OR_INPUT;
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
