import { InputError } from "../model/exchange.js";
import { TOOL } from "../tool.js";
import { checkCommand } from "./check-command.js";
import { EXIT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { gateCommand } from "./gate-command.js";
import { interruption } from "./interruption.js";
import { mergeCommand } from "./merge-command.js";
import { recordCommand } from "./record-command.js";
import { runCommand } from "./run-command.js";
import { sandboxCommand } from "./sandbox-command.js";
import { MAIN_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  run: runCommand,
  check: checkCommand,
  gate: gateCommand,
  sandbox: sandboxCommand,
  record: recordCommand,
  merge: mergeCommand,
  // Loaded on demand: Pact and its native core are needed by this command only.
  contracts: async (argv) => (await import("./contracts-command.js")).contractsCommand(argv),
};

const INTERRUPTED_BEFORE_START =
  "conformance: interrupted (Ctrl-C) before the command started: nothing was done\n";

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(MAIN_USAGE);
    return command === undefined ? EXIT_USAGE_OR_INPUT : EXIT_CONFORMANT;
  }
  if (command === "--version" || command === "-V") {
    process.stdout.write(`${TOOL.version}\n`);
    return EXIT_CONFORMANT;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`, "");
    if (interruption.aborted) {
      process.stderr.write(INTERRUPTED_BEFORE_START);
      return EXIT_USAGE_OR_INPUT;
    }
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ?? command;
      process.stderr.write(
        `conformance: ${error.message}\nRun "conformance ${help ? `${help} ` : ""}--help" for usage.\n`,
      );
      return EXIT_USAGE_OR_INPUT;
    }
    if (error instanceof InputError) {
      process.stderr.write(`conformance: ${error.message}\n`);
      return EXIT_USAGE_OR_INPUT;
    }
    process.stderr.write(`conformance: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
}
