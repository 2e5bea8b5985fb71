import path from "node:path";
import { mergeReports } from "../report/merge-reports.js";
import { readReport } from "../report/read-report.js";
import { parseReporters, writeReports } from "../report/reporters.js";
import { terminalSummary } from "../report/terminal-summary.js";
import { EXIT_CONFORMANT } from "./exit-codes.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { MERGE_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("merge", argv, {
    "report-dir": { type: "string", default: "reports" },
    reporter: { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    process.stdout.write(MERGE_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length === 0)
    throw new UsageError("merge needs the shard reports (…/conformance.json of each shard)");
  const reporters = parseReporters(values.reporter);
  const parts = [];
  for (const file of positionals) parts.push({ file, report: await readReport(file) });
  const merged = mergeReports(parts);
  const written = await writeReports(merged, path.resolve(values["report-dir"]), reporters, {});
  if (!values.quiet) {
    process.stdout.write(`merged ${parts.length} shard report(s) of run ${merged.run.id}\n`);
    process.stdout.write(
      terminalSummary(merged, written.map((w) => path.relative(process.cwd(), w.file)).join(", ")),
    );
  }
  return EXIT_CONFORMANT;
}
