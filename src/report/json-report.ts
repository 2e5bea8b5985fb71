import path from "node:path";
import type { ConformanceReport } from "../types/generated/report.js";
import type { Reporter } from "./reporter.js";
import { writeFileAtomic } from "./write-file-atomic.js";

export const JSON_REPORT_NAME = "conformance.json";

export const jsonReporter: Reporter = {
  name: "json",
  file: JSON_REPORT_NAME,
  description: "the machine-readable report (schemas/report.schema.json)",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

export async function writeJsonReport(report: ConformanceReport, reportDir: string): Promise<string> {
  const file = path.join(reportDir, JSON_REPORT_NAME);
  await writeFileAtomic(file, jsonReporter.render(report, {}));
  return file;
}
