import type { GateVerdict } from "../gate/gate.js";
import type { ConformanceReport } from "../types/generated/report.js";

/** What a reporter knows besides the report: the gate's verdict when one was decided. */
export interface ReportContext {
  verdict?: GateVerdict;
}

/**
 * Where a reporter that does not write a file in the report folder writes instead (the `github` reporter:
 * workflow commands on standard output, the job summary appended to the file `GITHUB_STEP_SUMMARY` names).
 * A parameter, so that tests can catch what would be written.
 */
export interface ReportOutput {
  /** Writes to the process's standard output. */
  stdout(text: string): void;
  /** The environment (GITHUB_STEP_SUMMARY, …). */
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory: file names in the output are relative to it. */
  cwd: string;
}

/** What `publish` wrote: a file it appended to or wrote, or "stdout". */
export interface PublishedOutput {
  file: string;
  bytes: number;
}

/**
 * One output format, as Playwright's reporters: a name for `--reporter`, the file it writes in the report
 * folder, and a pure function from the report to the file's text.
 *
 * A reporter whose output goes elsewhere (standard output, a file named by the CI's environment) has
 * `publish`: the command then calls it instead of writing `file` into the report folder, and `file` is
 * `"-"`. `render` stays the pure function of what it writes to standard output.
 */
export interface Reporter {
  name: string;
  file: string;
  description: string;
  render(report: ConformanceReport, context: ReportContext): string;
  publish?(
    report: ConformanceReport,
    context: ReportContext,
    output: ReportOutput,
  ): Promise<PublishedOutput[]>;
}
