import path from "node:path";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { ContractsReport } from "../types/generated/contracts-report.js";
import type { PactVerification } from "./verify-contracts.js";

export type { ContractsReport };

/** The verification outcome as reports/contracts.json (schemas/contracts-report.schema.json). */
export function contractsReport(target: string, pacts: PactVerification[]): ContractsReport {
  const all = pacts.flatMap((p) => p.interactions);
  const passed = all.filter((i) => i.passed).length;
  return {
    target,
    passed: passed === all.length,
    summary: { interactions: all.length, passed, failed: all.length - passed },
    pacts: pacts.map(({ file, consumer, provider, passed: ok, interactions }) => ({
      file,
      consumer,
      provider,
      passed: ok,
      interactions: interactions.map(({ description, states, passed, message }) => ({
        description,
        states,
        passed,
        message,
      })),
    })),
  };
}

export async function writeContractsReport(reportDir: string, report: ContractsReport): Promise<string> {
  const file = path.join(reportDir, "contracts.json");
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
