import { randomUUID } from "node:crypto";
import type { Dialect } from "../providers/dialect.js";

/**
 * A new request ID in the dialect's usual shape (provider-facts.md §3): Tencent a lower-case UUID,
 * Alibaba an upper-case UUID (KMS documents lower-case ones, and gets those), Zenlayer "T" and an
 * upper-case UUID.
 */
export function newRequestId(dialect: Dialect, product: string): string {
  const uuid = randomUUID();
  switch (dialect) {
    case "tencent":
      return uuid;
    case "alibaba":
      return product === "kms" ? uuid : uuid.toUpperCase();
    case "zenlayer":
      return `T${uuid.toUpperCase()}`;
  }
}

/** The same ID out of its usual shape (defect malformed-request-id): no dashes, no T prefix. */
export function malformRequestId(dialect: Dialect, requestId: string): string {
  return dialect === "zenlayer" ? requestId.replace(/^T/, "") : requestId.replace(/-/g, "");
}
