import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { schemasDir } from "../../src/project-paths.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";

const validate = createAjv().compile<ConformanceReport>(
  JSON.parse(readFileSync(path.join(schemasDir, "report.schema.json"), "utf8")),
);

/** Reads a written conformance.json and asserts it matches schemas/report.schema.json. */
export function readValidReport(file: string): ConformanceReport {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  const valid = validate(data);
  expect(valid, JSON.stringify(validate.errors, null, 2)).to.equal(true);
  return data as ConformanceReport;
}
