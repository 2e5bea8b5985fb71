import { parseShard, type Shard } from "../model/shard.js";
import type { Reporter } from "../report/reporter.js";
import { parseReporters } from "../report/reporters.js";
import { UsageError } from "./usage-error.js";

/** `--max-results N`: the most exchanges with findings (and, apart, skipped exchanges) the report lists. */
export const MAX_RESULTS_OPTION = { "max-results": { type: "string" } } as const;

/** Options shared by the commands that check exchanges and write reports. */
export const REPORTING_OPTIONS = {
  "report-dir": { type: "string", default: "reports" },
  reporter: { type: "string" },
  shard: { type: "string" },
  "run-id": { type: "string" },
  config: { type: "string" },
  "max-body-bytes": { type: "string" },
  ...MAX_RESULTS_OPTION,
  quiet: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** A whole number ≥ 0 (`--max-results 0` lists nothing), or undefined; anything else is a usage error. */
export function parseWholeNumber(name: string, value: string | undefined): number | undefined {
  const number = parseNumberOption(name, value, 0, Number.MAX_SAFE_INTEGER);
  if (number !== undefined && !Number.isInteger(number))
    throw new UsageError(`--${name} must be a whole number from 0, got ${JSON.stringify(value)}`);
  return number;
}

/** The report's detail limit: `--max-results` when given, else the configuration's `maxResults`. */
export function maxResultsFrom(flag: string | undefined, config: { maxResults: number }): number {
  return parseWholeNumber("max-results", flag) ?? config.maxResults;
}

/** A repeatable, comma-separated option's values (`--dialect a,b --dialect c`): each once, or undefined. */
export function listOption(values: string[] | undefined): string[] | undefined {
  const items = values
    ?.flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return items && items.length > 0 ? [...new Set(items)] : undefined;
}

export function parseNumberOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** --shard i/n, or undefined; a malformed value is a usage error. */
export function parseShardOption(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  try {
    return parseShard(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** --reporter a,b,c (default: every format); an unknown name is a usage error. */
export function parseReporterOption(value: string | undefined): Reporter[] {
  try {
    return parseReporters(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
