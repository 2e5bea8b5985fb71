import { writeFileAtomic } from "../files/write-file-atomic.js";
import { readValidatedJson } from "../schemas/read-validated-json.js";
import type { ExpectedFailure, ExpectedFailures } from "../types/generated/baseline.js";

export const failureKey = (f: Pick<ExpectedFailure, "dialect" | "product" | "action" | "rule">) =>
  `${f.dialect}/${f.product}/${f.action}: ${f.rule}`;

export function readBaseline(file: string): Promise<ExpectedFailures> {
  return readValidatedJson<ExpectedFailures>(file, { name: "baseline", schema: "baseline.schema.json" });
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
