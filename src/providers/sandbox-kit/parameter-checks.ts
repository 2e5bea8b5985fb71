import { Refusal } from "./refusal.js";

/**
 * Parameter checks shared by the handlers. JSON dialects (Tencent, Zenlayer) pass typed values; Alibaba
 * RPC and query strings pass text, for which `fromText` accepts digits as integers and true/false as
 * booleans. Each check throws the Refusal the dialect renders as its documented code.
 */
export interface ValueOptions {
  fromText?: boolean;
}

/** The first parameter, in order, that `isKnown` rejects, refused as unknown. */
export function rejectUnknown(names: Iterable<string>, isKnown: (name: string) => boolean): void {
  for (const name of names) if (!isKnown(name)) throw new Refusal("unknown-parameter", { parameter: name });
}

export function requirePresent<T>(value: T | undefined | null | "", parameter: string): T {
  if (value === undefined || value === null || value === "")
    throw new Refusal("missing-parameter", { parameter });
  return value;
}

function describe(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

export function integerParam(
  value: unknown,
  parameter: string,
  range: { min?: number; max?: number },
  options: ValueOptions = {},
): number | undefined {
  if (value === undefined) return undefined;
  let number: number | undefined;
  if (typeof value === "number" && Number.isInteger(value)) number = value;
  else if (options.fromText && typeof value === "string" && /^-?\d{1,15}$/.test(value))
    number = Number(value);
  const { min, max } = range;
  const bounds =
    min !== undefined && max !== undefined
      ? `an integer from ${min} to ${max}`
      : min !== undefined
        ? `an integer of at least ${min}`
        : "an integer";
  if (number === undefined || (min !== undefined && number < min) || (max !== undefined && number > max)) {
    throw new Refusal("invalid-parameter", {
      parameter,
      value: describe(value),
      reason: `${describe(value)} is not ${bounds}`,
    });
  }
  return number;
}

export function stringParam(
  value: unknown,
  parameter: string,
  rule: { pattern?: RegExp; maxLength?: number; what?: string } = {},
): string | undefined {
  if (value === undefined) return undefined;
  const ok =
    typeof value === "string" &&
    (rule.maxLength === undefined || value.length <= rule.maxLength) &&
    (rule.pattern === undefined || rule.pattern.test(value));
  if (!ok) {
    throw new Refusal("invalid-parameter", {
      parameter,
      value: describe(value),
      reason: `${describe(value)} is not ${rule.what ?? "a string"}`,
    });
  }
  return value;
}

export function booleanParam(
  value: unknown,
  parameter: string,
  options: ValueOptions = {},
): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "boolean") return value;
  if (options.fromText && (value === "true" || value === "false")) return value === "true";
  throw new Refusal("invalid-parameter", {
    parameter,
    value: describe(value),
    reason: `${describe(value)} is not true or false`,
  });
}

export function stringListParam(value: unknown, parameter: string, maxItems: number): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > maxItems || !value.every((v) => typeof v === "string")) {
    throw new Refusal("invalid-parameter", {
      parameter,
      value: describe(value),
      reason: `expected a list of at most ${maxItems} strings`,
    });
  }
  return value as string[];
}

/** A JSON request body as an object; refused as malformed when it is anything else. Empty means {}. */
export function jsonObjectBody(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Refusal("malformed-body", { reason: (error as Error).message });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Refusal("malformed-body", {
      reason: `the body is ${Array.isArray(value) ? "an array" : typeof value}`,
    });
  }
  return value as Record<string, unknown>;
}
