import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/exchange.js";
import { schemasDir } from "../project-paths.js";
import { writeFileAtomic } from "../report/write-file-atomic.js";
import { createAjv } from "../schemas/create-ajv.js";
import type { ExpectedFailure, ExpectedFailures } from "../types/generated/baseline.js";

export const failureKey = (f: Pick<ExpectedFailure, "dialect" | "product" | "action" | "rule">) =>
  `${f.dialect}/${f.product}/${f.action}: ${f.rule}`;

export async function readBaseline(file: string): Promise<ExpectedFailures> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(file, `cannot read the baseline: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `the baseline is not valid JSON: ${(error as Error).message}`);
  }
  const validate = createAjv().compile<ExpectedFailures>(
    JSON.parse(await readFile(path.join(schemasDir, "baseline.schema.json"), "utf8")),
  );
  if (!validate(data)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}`)
      .join("; ");
    throw new InputError(file, `not a baseline (schemas/baseline.schema.json): ${problems}`);
  }
  return data;
}

/** Writes the failures as the new baseline, keeping the reasons of entries that stay. */
export async function writeBaseline(
  file: string,
  failures: ExpectedFailure[],
  previous?: ExpectedFailures,
): Promise<void> {
  const reasons = new Map(
    previous?.expectedFailures.filter((f) => f.reason).map((f) => [failureKey(f), f.reason]),
  );
  const expectedFailures = failures.map((f) => {
    const reason = reasons.get(failureKey(f));
    return reason ? { ...f, reason } : f;
  });
  const baseline: ExpectedFailures = { baselineVersion: 1, expectedFailures };
  await writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
