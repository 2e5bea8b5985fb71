import { decodeBody } from "../decode/decode-body.js";
import type { HeaderMap } from "../model/exchange.js";
import { resolvePointer } from "../model/json-pointer.js";
import type { BodyFormat, Dialect } from "../providers/dialect.js";
import { dialectSpecs } from "../providers/dialect-specs.js";
import { isThrottledAnswer } from "../rules/group-throttled-answer.js";

/**
 * Whether an answer says "slow down": HTTP 429, or a product's throttling code (provider-facts.md §1, §2;
 * seeds 001, 004), as the group rules read it.
 */
export function isThrottled(dialect: Dialect, format: BodyFormat, status: number, body: string): boolean {
  if (status === 429) return true;
  const decoded = decodeBody(body, format, { maxDepth: 64 });
  if (!decoded.ok) return false;
  const code = resolvePointer(decoded.value, dialectSpecs[dialect].errorCodePointer);
  return isThrottledAnswer(status, typeof code === "string" ? code : undefined);
}

/**
 * How long to wait before attempt `attempt` + 1: what the target asks (x-acs-retry-after in milliseconds,
 * as @alicloud/openapi-client reads it, or Retry-After in seconds), else exponential back-off from
 * 100 ms with jitter, at most 5 s.
 */
export function backoffMs(attempt: number, headers: HeaderMap, random: () => number = Math.random): number {
  const acs = Number(headers["x-acs-retry-after"]);
  if (Number.isFinite(acs) && acs > 0) return Math.min(acs, 5_000);
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 5_000);
  const base = 100 * 2 ** attempt;
  return Math.min(base / 2 + random() * base, 5_000);
}
