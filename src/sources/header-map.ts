import type { HeaderMap } from "../model/exchange.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

function addHeader(headers: HeaderMap, name: string, value: string): void {
  const key = name.toLowerCase();
  const previous = headers[key];
  headers[key] = previous === undefined ? value : `${previous}, ${value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds a HeaderMap from HAR-style `[{name, value}]` pairs. `field` names the list in the reason
 * when it is malformed, e.g. `request.headers`.
 */
export function headersFromPairs(pairs: unknown, field: string): HeaderMap {
  if (!Array.isArray(pairs)) throw new UnreadableEntryError(`${field} is not an array`);
  const headers: HeaderMap = {};
  pairs.forEach((pair: unknown, i) => {
    if (!isRecord(pair)) throw new UnreadableEntryError(`${field}[${i}] is not a {name, value} object`);
    if (typeof pair.name !== "string") throw new UnreadableEntryError(`${field}[${i}].name is not a string`);
    if (typeof pair.value !== "string")
      throw new UnreadableEntryError(`${field}[${i}].value is not a string`);
    addHeader(headers, pair.name, pair.value);
  });
  return headers;
}

/** Builds a HeaderMap from a `{name: value}` object whose values are strings (already validated). */
export function headersFromObject(object: Record<string, string>): HeaderMap {
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(object)) addHeader(headers, name, value);
  return headers;
}
