import { UsageError } from "./usage-error.js";

/** Options shared by the commands that check exchanges and write reports. */
export const REPORTING_OPTIONS = {
  "report-dir": { type: "string", default: "reports" },
  config: { type: "string" },
  "max-body-bytes": { type: "string" },
  quiet: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

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
