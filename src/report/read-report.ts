import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/exchange.js";
import { schemasDir } from "../project-paths.js";
import { createAjv } from "../schemas/create-ajv.js";
import type { ConformanceReport } from "../types/generated/report.js";

/** Reads a conformance.json and proves it is one (schemas/report.schema.json) before anyone trusts it. */
export async function readReport(file: string): Promise<ConformanceReport> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(file, `cannot read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not a conformance report: not valid JSON (${(error as Error).message})`);
  }
  const validate = createAjv().compile<ConformanceReport>(
    JSON.parse(await readFile(path.join(schemasDir, "report.schema.json"), "utf8")),
  );
  if (!validate(data)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}`)
      .join("; ");
    throw new InputError(file, `not a conformance report (schemas/report.schema.json): ${problems}`);
  }
  return data;
}
