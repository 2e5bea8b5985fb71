import path from "node:path";
import type { ConformanceReport } from "../types/generated/report.js";
import { writeFileAtomic } from "./write-file-atomic.js";

export const JSON_REPORT_NAME = "conformance.json";

export async function writeJsonReport(report: ConformanceReport, reportDir: string): Promise<string> {
  const file = path.join(reportDir, JSON_REPORT_NAME);
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
