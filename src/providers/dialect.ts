export const DIALECTS = ["tencent", "alibaba", "zenlayer"] as const;
export type Dialect = (typeof DIALECTS)[number];
export type BodyFormat = "json" | "xml";
export type Outcome = "success" | "error" | "unknown";

export function isDialect(value: unknown): value is Dialect {
  return typeof value === "string" && (DIALECTS as readonly string[]).includes(value);
}

/** A value found in a decoded body, with the JSON pointer it was found at. */
export interface Located<T = unknown> {
  pointer: string;
  value: T;
}

/** What differs between the envelope families: where things are, and how success is told from error. */
export interface DialectSpec {
  id: Dialect;
  /** Success or error, the way the official SDKs decide it (provider-facts.md §1). */
  classify(body: unknown, status: number, xmlRoot: string | undefined): Outcome;
  /** Every place in the body that carries the request ID (present or not), first the primary one. */
  requestIdPointers(outcome: Outcome): string[];
  /** Response header that repeats the request ID, lower-cased. */
  requestIdHeader?: string;
  /** The usual request-ID shape (advisory: provider-facts.md §3). */
  requestIdShape: { pattern: RegExp; description: string };
  errorCodePointer: string;
  errorMessagePointer: string;
  /** Where the action-specific payload sits in a success body. */
  payloadPointer: string;
}
