import { parseArgs } from "node:util";
import { DEFAULT_MIN_SCORE, decideGate } from "../gate/gate.js";
import { readReport } from "../report/read-report.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT } from "./exit-codes.js";
import { parseNumberOption } from "./report-options.js";
import { GATE_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export function printVerdict(verdict: { passed: boolean; reasons: string[] }): void {
  process.stdout.write(
    `gate: ${verdict.passed ? "PASSED" : "FAILED"}\n${verdict.reasons.map((r) => `  - ${r}\n`).join("")}`,
  );
}

export async function gateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { "min-score": { type: "string" }, help: { type: "boolean", short: "h", default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(GATE_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length !== 1)
    throw new UsageError("gate needs exactly one report file (reports/conformance.json)");
  const minScore = parseNumberOption("min-score", values["min-score"], 0, 100) ?? DEFAULT_MIN_SCORE;
  const report = await readReport(positionals[0] as string);
  const verdict = decideGate(report, { minScore });
  printVerdict(verdict);
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
