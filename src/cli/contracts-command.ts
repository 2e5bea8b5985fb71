import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import { ContractFileError, pactFilesIn, readPactFile } from "../contracts/contract-file.js";
import { DEFAULT_CONSUMER } from "../contracts/contract-products.js";
import { addContractVerdicts } from "../contracts/contract-verdicts.js";
import { contractsReport, writeContractsReport } from "../contracts/contracts-report.js";
import { generateContracts } from "../contracts/generate-contracts.js";
import { failureSection } from "../contracts/verifier-log.js";
import { runVerifier } from "../contracts/verifier-process.js";
import { createEngine } from "../engine/engine.js";
import { ReportBuilder } from "../engine/report-builder.js";
import { displayUrl } from "../live/redact.js";
import { packageRoot } from "../project-paths.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { publishReport } from "./publish-report.js";
import { parseReporterOption } from "./report-options.js";
import { terminalStyle } from "./terminal-style.js";
import { UsageError } from "./usage-error.js";

export const CONTRACTS_USAGE = `Usage: conformance contracts <generate|verify> [options]

Pact V4 contracts for the documented envelopes (docs/contracts.md): one pact per provider product
(tencent-cvm, alibaba-kms, alibaba-ess, zenlayer-bmc) with every action's success and every documented
probe error, matchers derived from schemas/; and one per-action pact per product with an actions document
(contracts/surface/CONSUMER-surface-PROVIDER.json): a success of every other described action.

conformance contracts generate [--consumer NAME] [--out DIR] [--quiet]
  --consumer NAME         the consumer's name in the pacts (default: sdk; the per-action pacts': NAME-surface)
  --out DIR               where to write the pact files (default: contracts/; the per-action ones in
                          DIR/surface/)
  --quiet                 do not list the files written

conformance contracts verify [--target URL] [--contracts DIR] [--report-dir DIR] [--reporter LIST]
                             [--run-id ID] [--quiet]
  --target URL            the provider to verify (default: the built-in sandbox on a free port, throttled
                          only by the "requests are throttled" state); signed with the SDK credential
                          variables (docs/live-runs.md)
  --contracts DIR         a folder of pact files, or one file (default: contracts/, its *.json only;
                          contracts/surface verifies the per-action pacts)
  --report-dir DIR        where to write contracts.json, pact-verifier.log (the verifier's own report,
                          without colour codes) and the conformance report, one exchange per
                          interaction judged by rule contract-verified, so "conformance gate" decides on
                          it (default: reports/)
  --reporter LIST         formats of the conformance report (default: all)
  --run-id ID             names the run in the report
  --quiet                 nothing on the terminal but errors

  -h, --help              show this help

Prints one line per failed interaction with the verifier's explanation of it, and a summary line;
colours only on a terminal and never with NO_COLOR set.

Exit codes: 0 every interaction verified (or contracts written), 1 an interaction failed, 2 usage error or a
contract file that is not a Pact V4 file.
`;

async function generate(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("contracts", argv, {
    consumer: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`, "contracts");
  if (values.help) {
    process.stdout.write(CONTRACTS_USAGE);
    return EXIT_CONFORMANT;
  }
  const consumer = values.consumer ?? DEFAULT_CONSUMER;
  if (!/^[A-Za-z0-9._-]+$/.test(consumer))
    throw new UsageError(`--consumer ${JSON.stringify(consumer)}: letters, digits, ".", "_" and "-" only`);
  const out = path.resolve(values.out ?? path.join(packageRoot, "contracts"));
  for (const pact of await generateContracts(consumer, out))
    if (!values.quiet)
      process.stdout.write(
        `${path.relative(process.cwd(), pact.file) || pact.file}: ${pact.interactions} interactions\n`,
      );
  return EXIT_CONFORMANT;
}

async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("contracts", argv, {
    target: { type: "string" },
    contracts: { type: "string" },
    "report-dir": { type: "string" },
    reporter: { type: "string" },
    "run-id": { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`, "contracts");
  if (values.help) {
    process.stdout.write(CONTRACTS_USAGE);
    return EXIT_CONFORMANT;
  }
  let target: URL | undefined;
  if (values.target !== undefined) {
    try {
      target = new URL(values.target);
    } catch {
      throw new UsageError(`--target ${JSON.stringify(values.target)} is not a URL`);
    }
  }
  const reporters = parseReporterOption(values.reporter);
  const pacts = pactFilesIn(values.contracts ?? path.join(packageRoot, "contracts")).map(readPactFile);
  const reportDir = values["report-dir"] ?? "reports";
  const logFile = path.join(reportDir, "pact-verifier.log");
  // The verifier runs in a child process that captures its own report into logFile (verifier-process.ts);
  // without --target that process starts the built-in sandbox.
  const { target: url, results, log } = await runVerifier(pacts, target, logFile);
  const report = contractsReport(target ? displayUrl(target) : "built-in sandbox", results);
  const file = await writeContractsReport(reportDir, report);
  if (!values.quiet) {
    const style = terminalStyle(process.stdout);
    for (const pact of results)
      for (const interaction of pact.interactions.filter((i) => !i.passed)) {
        process.stdout.write(
          `${style.red("FAIL")} ${pact.file}: ${interaction.description}: ${interaction.message}\n`,
        );
        const section = failureSection(log, pact.provider, interaction.description);
        if (section) process.stdout.write(`${section.replace(/^(?=.)/gm, "    ")}\n`);
      }
    const verified = `${report.summary.passed}/${report.summary.interactions} interactions verified`;
    process.stdout.write(
      `contracts: ${report.passed ? style.green(verified) : style.red(verified)}; report ${file}; verifier log ${logFile}\n`,
    );
  }
  // The same outcome as a conformance report (rule contract-verified), for the gate and every format.
  const engine = await createEngine(await loadConfig(undefined));
  const builder = new ReportBuilder(engine, [{ kind: "live", location: displayUrl(url) }], {
    runId: values["run-id"],
  });
  addContractVerdicts(builder, results, url);
  await publishReport(builder.build(), { reportDir, reporters, quiet: true });
  return report.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}

/** `conformance contracts generate|verify`. */
export async function contractsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === "generate") return await generate(rest);
    if (sub === "verify") return await verify(rest);
    if (sub === "-h" || sub === "--help") {
      process.stdout.write(CONTRACTS_USAGE);
      return EXIT_CONFORMANT;
    }
    throw new UsageError(`contracts: expected "generate" or "verify", got ${JSON.stringify(sub ?? "")}`);
  } catch (error) {
    if (error instanceof ContractFileError) {
      process.stderr.write(`conformance: ${error.message}\n`);
      return EXIT_USAGE_OR_INPUT;
    }
    throw error;
  }
}
