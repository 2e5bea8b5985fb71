import { UnreadableEntryError } from "./unreadable-entry-error.js";

/** Small checks on parsed JSON that name the offending field, e.g. `request.url is missing`. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function requireRecord(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined) throw new UnreadableEntryError(`${field} is missing`);
  if (!isRecord(value)) throw new UnreadableEntryError(`${field} is not an object`);
  return value;
}

export function requireString(value: unknown, field: string): string {
  if (value === undefined) throw new UnreadableEntryError(`${field} is missing`);
  if (typeof value !== "string") throw new UnreadableEntryError(`${field} is not a string`);
  return value;
}

export function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : requireString(value, field);
}
