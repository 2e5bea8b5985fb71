import path from "node:path";
import type { GateVerdict } from "../gate/gate.js";
import type { Reporter } from "../report/reporter.js";
import { writeReports } from "../report/reporters.js";
import { terminalSummary } from "../report/terminal-summary.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { printVerdict } from "./gate-command.js";
import { interruptedBy, signalLabel } from "./interruption.js";

/**
 * Writes the report in every requested format and tells the terminal about it (unless quiet). A file that
 * cannot be written throws FileWriteError (src/files/write-file-atomic.ts), which names it and why; no
 * temporary file is left behind.
 */
export async function publishReport(
  report: ConformanceReport,
  options: {
    reportDir: string;
    reporters: Reporter[];
    quiet: boolean;
    verdict?: GateVerdict;
    extraLines?: string[];
  },
): Promise<void> {
  const written = await writeReports(
    report,
    path.resolve(options.reportDir),
    options.reporters,
    options.verdict ? { verdict: options.verdict } : {},
  );
  if (options.quiet) return;
  const files = written.map((w) => path.relative(process.cwd(), w.file) || w.file).join(", ");
  const signal = interruptedBy();
  const interrupted = signal === undefined ? {} : { interruptedBy: signalLabel(signal) };
  process.stdout.write(terminalSummary(report, files, interrupted));
  for (const line of options.extraLines ?? []) process.stdout.write(`  ${line}\n`);
  if (options.verdict) printVerdict(options.verdict);
}
