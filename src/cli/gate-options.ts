import { readBaseline } from "../gate/baseline.js";
import { DEFAULT_MIN_SCORE, type GateOptions } from "../gate/gate.js";
import { parseNumberOption } from "./report-options.js";
import { UsageError } from "./usage-error.js";

/** The gate's flags, the same on every command that exits by the gate (run, check, gate). */
export const GATE_OPTIONS = {
  "min-score": { type: "string" },
  "fail-on": { type: "string", default: "error" },
  baseline: { type: "string" },
  "allow-empty": { type: "boolean", default: false },
  "max-warnings": { type: "string" },
} as const;

export const GATE_USAGE_LINES = `  --min-score N           lowest score (0–100) that passes (default: ${DEFAULT_MIN_SCORE}; with --baseline: not
                          judged unless given)
  --fail-on LEVEL         error (default) or warning: warnings fail the gate too
  --baseline FILE         accepted failures (schemas/baseline.schema.json): a listed failure passes,
                          an unlisted one fails, a listed one that now passes fails (one whose action
                          this report did not check is noted, not failed)
  --allow-empty           pass when nothing was checked (by default a report with no checked exchange
                          fails the gate: a typo in a path or a filter must not pass)
  --max-warnings N        fail when the report has more than N warning findings (as ESLint's;
                          default -1: no limit)`;

interface GateFlags {
  "min-score"?: string | undefined;
  "fail-on"?: string | undefined;
  baseline?: string | undefined;
  "allow-empty"?: boolean | undefined;
  "max-warnings"?: string | undefined;
}

/** --max-warnings N: a whole number from -1 (no limit, ESLint's default) up; absent: undefined. */
export function parseMaxWarnings(value: string | undefined): number | undefined {
  const limit = parseNumberOption("max-warnings", value, -1, Number.MAX_SAFE_INTEGER);
  if (limit !== undefined && !Number.isInteger(limit))
    throw new UsageError(
      `--max-warnings must be a whole number (-1: no limit), got ${JSON.stringify(value)}`,
    );
  return limit;
}

export function parseFailOn(value: string | undefined): "error" | "warning" {
  const failOn = value ?? "error";
  if (failOn !== "error" && failOn !== "warning")
    throw new UsageError(`--fail-on must be error or warning, got ${JSON.stringify(failOn)}`);
  return failOn;
}

/** The gate's options from its flags, with the baseline read (a corrupt one is an input error). */
export async function gateOptionsFrom(flags: GateFlags): Promise<GateOptions> {
  return {
    minScore: parseNumberOption("min-score", flags["min-score"], 0, 100),
    failOn: parseFailOn(flags["fail-on"]),
    baseline: flags.baseline ? await readBaseline(flags.baseline) : undefined,
    allowEmpty: flags["allow-empty"] ?? false,
    maxWarnings: parseMaxWarnings(flags["max-warnings"]),
  };
}
