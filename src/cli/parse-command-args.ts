import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Levenshtein distance, for "did you mean" (option names are short: the quadratic table is fine). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known option closest to `typed`, when it is close enough to be a slip of the keyboard. */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
  const bare = typed.replace(/^-+/, "").split("=")[0] ?? "";
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const d = name.replaceAll("-", "") === bare.replaceAll("-", "") ? 0 : distance(bare, name);
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.floor(bare.length / 3)) ? best.name : undefined;
}

/**
 * `--min-score -5`: Node's parser calls a value that starts with "-" ambiguous. A negative number after an
 * option that takes a value is that option's value (its own check then says whether it is allowed).
 */
function joinNegativeNumbers(argv: readonly string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The option a parser message quotes: `Unknown option '--reportdir'` → `--reportdir`. */
function quotedOption(message: string): string {
  return /'(-[^' ]*)/.exec(message)?.[1] ?? "";
}

/** What parseArgs returns for a command's options (named, so that declarations can be emitted). */
export type ParsedCommandArgs<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/**
 * node:util's parseArgs for one command, with mistakes told in the CLI's own words: the unknown option and
 * the closest known one, an option missing its value, a switch given one; each a UsageError that points to
 * the command's own --help.
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  argv: readonly string[],
  options: T,
): ParsedCommandArgs<T> {
  try {
    return parseArgs({
      args: joinNegativeNumbers(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw error;
    const message = (error as Error).message;
    const option = quotedOption(message);
    const name = option.replace(/^-+/, "");
    const long = Object.entries(options).find(([n, o]) => n === name || o.short === name);
    let text: string;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const suggestion = closestOption(option, Object.keys(options));
      text = `unknown option ${option}${suggestion ? ` (did you mean --${suggestion}?)` : ""}`;
    } else if (/does not take an argument/.test(message)) {
      text = `--${long?.[0] ?? name} takes no value`;
    } else if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const shown = long ? `--${long[0]}` : option;
      text = /ambiguous/.test(message)
        ? `${shown} needs a value, but the next argument looks like an option (write ${shown}=VALUE if the value starts with "-")`
        : `${shown} needs a value`;
    } else if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      text = `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ""}`.trim();
    } else text = message;
    throw new UsageError(text, command);
  }
}
