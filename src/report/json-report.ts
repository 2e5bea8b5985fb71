import type { Reporter } from "./reporter.js";

export const JSON_REPORT_NAME = "conformance.json";

export const jsonReporter: Reporter = {
  name: "json",
  file: JSON_REPORT_NAME,
  description: "the machine-readable report (schemas/report.schema.json)",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
