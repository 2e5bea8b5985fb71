import type { GateVerdict } from "../gate/gate.js";
import type { ConformanceReport } from "../types/generated/report.js";

/** What a reporter knows besides the report: the gate's verdict when one was decided. */
export interface ReportContext {
  verdict?: GateVerdict;
}

/**
 * One output format, as Playwright's reporters: a name for `--reporter`, the file it writes in the report
 * folder, and a pure function from the report to the file's text.
 */
export interface Reporter {
  name: string;
  file: string;
  description: string;
  render(report: ConformanceReport, context: ReportContext): string;
}
