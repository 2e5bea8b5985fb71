import { createHash } from "node:crypto";
import type { Dialect } from "../providers/dialect.js";
import { tencent } from "../providers/tencent/envelope.js";
import { zenlayer } from "../providers/zenlayer/envelope.js";
import { productOf } from "./contract-products.js";

const HEX = "[0-9a-fA-F]";

/**
 * Alibaba's last UUID group: 12 hex digits, or hex digits followed by the mask the documentation puts on
 * the tail of example IDs (seed 004: `540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx`), at least one digit left.
 * Spelt out as alternatives rather than with a look-ahead: not every Pact implementation's regex engine
 * has look-around (Rust's `regex` crate has none), and a pact file is read by all of them.
 */
const repeat = (atom: string, times: number) => (times === 1 ? atom : `${atom}{${times}}`);
const MASKED_TAIL = Array.from(
  { length: 12 },
  (_, masked) => `${repeat(HEX, 12 - masked)}${masked > 0 ? repeat("x", masked) : ""}`,
).join("|");

/**
 * The request-ID regex of each dialect in the contracts (whole-value, Rust `regex` syntax). Tencent and
 * Zenlayer: the dialect's `requestIdShape.pattern` (src/providers/DIALECT/envelope.ts). Alibaba: the dialect's shape (a
 * UUID, the documentation's "x" masking allowed) narrowed to what a provider can answer: the mask only
 * on the tail of the last group, so that an all-`x` ID (a placeholder, not an ID) is refused; every ID
 * this accepts the dialect's shape accepts too (test/contracts/strictness.test.ts).
 */
export const REQUEST_ID_PATTERNS: Record<Dialect, string> = {
  tencent: tencent.requestIdShape.pattern.source,
  alibaba: `^${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-(?:${MASKED_TAIL})$`,
  zenlayer: zenlayer.requestIdShape.pattern.source,
};

/**
 * A deterministic example request ID for an interaction (no random ids in contracts), in the shape the
 * product uses: a UUID in the product's letter case (requestIdCase), Zenlayer's after a "T".
 */
export function exampleRequestId(dialect: Dialect, product: string, seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const cased = productOf({ dialect, product }).requestIdCase === "upper" ? uuid.toUpperCase() : uuid;
  return dialect === "zenlayer" ? `T${cased}` : cased;
}
