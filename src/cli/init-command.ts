import path from "node:path";
import { CONFIG_FILE_NAME } from "../config/load-config.js";
import { fileKind, writeFileAtomic } from "../files/write-file-atomic.js";
import { EXIT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { INITIAL_WORKFLOW, initialConfig } from "./init-templates.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { INIT_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

/** The files `conformance init` writes, relative to --dir. */
export const WORKFLOW_FILE = path.join(".github", "workflows", "conformance.yml");

export interface InitFile {
  file: string;
  content: string;
}

/** The files init writes into `dir`, in the order it writes them. */
export function initFiles(dir: string): InitFile[] {
  return [
    { file: path.join(dir, CONFIG_FILE_NAME), content: initialConfig() },
    { file: path.join(dir, WORKFLOW_FILE), content: INITIAL_WORKFLOW },
  ];
}

export async function initCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("init", argv, {
    dir: { type: "string", default: "." },
    force: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    process.stdout.write(INIT_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0) throw new UsageError(`init takes no arguments (got ${positionals.join(" ")})`);
  const files = initFiles(values.dir);
  // Nothing is written unless everything can be: an existing file stops init before the first write.
  if (!values.force) {
    for (const { file } of files) {
      if ((await fileKind(file)) !== "absent") {
        process.stderr.write(`conformance: ${file} exists: not overwritten (--force overwrites it)\n`);
        return EXIT_USAGE_OR_INPUT;
      }
    }
  }
  for (const { file, content } of files) {
    await writeFileAtomic(file, content);
    if (!values.quiet) process.stdout.write(`wrote ${file}\n`);
  }
  if (!values.quiet) {
    process.stdout.write(
      `Every rule is listed in ${CONFIG_FILE_NAME} with its default severity: set "error", "warning" or "off"\n` +
        `("conformance rules" lists them). Set the secrets the workflow names (CONFORMANCE_TARGET and the\n` +
        `credentials of the dialects you call) in the repository's settings.\n`,
    );
  }
  return EXIT_CONFORMANT;
}
