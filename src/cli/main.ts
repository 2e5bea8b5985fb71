import { InputError } from "../model/exchange.js";
import { TOOL } from "../tool.js";
import { EXIT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { exitBySignal, interruptedBy, interruption, signalLabel } from "./interruption.js";
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

// Each command's module is loaded when it runs, and only then: a CLI start loads what its one command
// needs (`gate` no sandbox, `check` no TLS, `contracts` Pact and its native core), not all of them.
const COMMANDS: Record<string, Command> = {
  run: { run: async (argv) => (await import("./run-command.js")).runCommand(argv), windsDown: true },
  check: { run: async (argv) => (await import("./check-command.js")).checkCommand(argv), windsDown: true },
  record: { run: async (argv) => (await import("./record-command.js")).recordCommand(argv), windsDown: true },
  sandbox: {
    run: async (argv) => (await import("./sandbox-command.js")).sandboxCommand(argv),
    windsDown: true,
  },
  proxy: { run: async (argv) => (await import("./proxy-command.js")).proxyCommand(argv), windsDown: true },
  gate: { run: async (argv) => (await import("./gate-command.js")).gateCommand(argv), windsDown: false },
  merge: { run: async (argv) => (await import("./merge-command.js")).mergeCommand(argv), windsDown: false },
  rules: { run: async (argv) => (await import("./rules-command.js")).rulesCommand(argv), windsDown: false },
  init: { run: async (argv) => (await import("./init-command.js")).initCommand(argv), windsDown: false },
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
