import { readValidatedJson } from "../schemas/read-validated-json.js";
import type { ConformanceReport } from "../types/generated/report.js";

/** Reads a conformance.json and proves it is one (schemas/report.schema.json) before anyone trusts it. */
export function readReport(file: string): Promise<ConformanceReport> {
  return readValidatedJson<ConformanceReport>(file, {
    name: "conformance report",
    schema: "report.schema.json",
  });
}
