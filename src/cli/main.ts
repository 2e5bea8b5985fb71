import { InputError } from "../model/exchange.js";
import { TOOL } from "../tool.js";
import { checkCommand } from "./check-command.js";
import { EXIT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { gateCommand } from "./gate-command.js";
import { initCommand } from "./init-command.js";
import { exitBySignal, interruptedBy, interruption, signalLabel } from "./interruption.js";
import { mergeCommand } from "./merge-command.js";
import { proxyCommand } from "./proxy-command.js";
import { recordCommand } from "./record-command.js";
import { rulesCommand } from "./rules-command.js";
import { runCommand } from "./run-command.js";
import { sandboxCommand } from "./sandbox-command.js";
import { MAIN_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

interface Command {
  run: (argv: string[]) => Promise<number>;
  /**
   * Whether the command watches `interruption` and winds down itself (writes what it has, says so). A
   * command that does not is ended at once on the first stop signal, as without the handlers.
   */
  windsDown: boolean;
}

const COMMANDS: Record<string, Command> = {
  run: { run: runCommand, windsDown: true },
  check: { run: checkCommand, windsDown: true },
  record: { run: recordCommand, windsDown: true },
  sandbox: { run: sandboxCommand, windsDown: true },
  proxy: { run: proxyCommand, windsDown: true },
  gate: { run: gateCommand, windsDown: false },
  merge: { run: mergeCommand, windsDown: false },
  rules: { run: rulesCommand, windsDown: false },
  init: { run: initCommand, windsDown: false },
  // Loaded on demand: Pact and its native core are needed by this command only.
  contracts: {
    run: async (argv) => (await import("./contracts-command.js")).contractsCommand(argv),
    windsDown: false,
  },
};

/** For a command that does not wind down: the first stop signal ends the process, saying so. */
function stopAtOnceOnSignal(): void {
  interruption.addEventListener("abort", () => {
    const signal = interruptedBy() ?? "SIGINT";
    process.stderr.write(`conformance: interrupted (${signalLabel(signal)}): stopped\n`);
    exitBySignal(signal);
  });
}

const interruptedBeforeStart = () =>
  `conformance: interrupted (${signalLabel(interruptedBy())}) before the command started: nothing was done\n`;

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
  const chosen = COMMANDS[command];
  try {
    if (!chosen) throw new UsageError(`unknown command ${JSON.stringify(command)}`, "");
    if (interruption.aborted) {
      process.stderr.write(interruptedBeforeStart());
      return EXIT_USAGE_OR_INPUT;
    }
    if (!chosen.windsDown) stopAtOnceOnSignal();
    return await chosen.run(rest);
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
