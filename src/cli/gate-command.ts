import path from "node:path";
import { readBaseline, writeBaseline } from "../gate/baseline.js";
import { currentFailures, decideGate, type GateVerdict } from "../gate/gate.js";
import { badgeReporter } from "../report/badge-report.js";
import { markdownReporter } from "../report/markdown-report.js";
import { readReport } from "../report/read-report.js";
import { writeReports } from "../report/reporters.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT } from "./exit-codes.js";
import { GATE_OPTIONS, gateOptionsFrom, parseFailOn } from "./gate-options.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { terminalStyle } from "./terminal-style.js";
import { GATE_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

export function printVerdict(verdict: GateVerdict): void {
  const style = terminalStyle(process.stdout);
  const word = verdict.passed ? style.green("PASSED") : style.red("FAILED");
  process.stdout.write(`gate: ${word}\n${verdict.reasons.map((r) => `  - ${r}\n`).join("")}`);
}

export async function gateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("gate", argv, {
    ...GATE_OPTIONS,
    "update-baseline": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    process.stdout.write(GATE_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length !== 1)
    throw new UsageError("gate needs exactly one report file (reports/conformance.json)");
  if (values["update-baseline"] && !values.baseline)
    throw new UsageError("--update-baseline needs --baseline FILE");
  const reportFile = positionals[0] as string;

  if (values["update-baseline"] && values.baseline) {
    const failOn = parseFailOn(values["fail-on"]);
    const report = await readReport(reportFile);
    const previous = await readBaseline(values.baseline).catch(() => undefined);
    const failures = currentFailures(report, failOn);
    await writeBaseline(values.baseline, failures, previous);
    if (!values.quiet)
      process.stdout.write(`baseline: wrote ${failures.length} expected failure(s) to ${values.baseline}\n`);
    return EXIT_CONFORMANT;
  }
  const options = await gateOptionsFrom(values);
  const report = await readReport(reportFile);
  const verdict = decideGate(report, options);
  if (!values.quiet) printVerdict(verdict);
  await writeReports(report, path.dirname(reportFile), [markdownReporter, badgeReporter], { verdict });
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
