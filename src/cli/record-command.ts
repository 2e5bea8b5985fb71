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
import { RECORD_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export async function recordCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("record", argv, {
    ...LIVE_OPTIONS,
    ...GATE_OPTIONS,
    out: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(RECORD_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0) throw new UsageError(`record takes no paths (got ${positionals.join(" ")})`);
  if (!values.out) throw new UsageError("record needs --out FILE.har");
  const reporters = parseReporterOption(values.reporter);
  const gate = await gateOptionsFrom(values);
  const progress = progressPrinter(values.quiet);
  let job: Awaited<ReturnType<typeof runLiveJob>>;
  try {
    job = await runLiveJob({
      ...liveJobOptions(values),
      includeRecordings: false,
      recordTo: values.out,
      onProgress: progress.onProgress,
      signal: interruption,
    });
  } finally {
    progress.done();
  }
  const { report, recorded } = job;
  // An interrupted recording is valid HAR with the exchanges answered before the interruption.
  const extraLines = recorded
    ? [
        `recording: ${recorded.file} (${recorded.exchanges} exchange(s)${report.complete ? "" : " before the interruption"}, credentials redacted)`,
      ]
    : [];
  const verdict = decideGate(report, gate);
  await publishReport(report, {
    reportDir: values["report-dir"],
    reporters,
    quiet: values.quiet,
    verdict,
    extraLines,
  });
  if (!report.complete) return EXIT_USAGE_OR_INPUT;
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
