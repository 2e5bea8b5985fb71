import { createHash } from "node:crypto";
import { DIALECTS, type Dialect } from "../providers/dialect.js";
import { dialectContractForms } from "../providers/dialect-contract-forms.js";
import { productOf } from "./contract-products.js";

/**
 * The request-ID regex of each dialect in the contracts (whole-value, Rust `regex` syntax): its contract
 * form's `requestIdPattern` (src/providers/DIALECT/contract-form.ts). Tencent and Zenlayer: the dialect's
 * `requestIdShape.pattern` (src/providers/DIALECT/envelope.ts). Alibaba: the dialect's shape (a UUID, the
 * documentation's "x" masking allowed) narrowed to what a provider can answer: the mask only on the tail
 * of the last group, so that an all-`x` ID (a placeholder, not an ID) is refused; every ID this accepts
 * the dialect's shape accepts too (test/contracts/strictness.test.ts).
 */
export const REQUEST_ID_PATTERNS = Object.fromEntries(
  DIALECTS.map((dialect) => [dialect, dialectContractForms[dialect].requestIdPattern]),
) as Readonly<Record<Dialect, string>>;

/**
 * A deterministic example request ID for an interaction (no random ids in contracts), in the shape the
 * product uses: a UUID in the product's letter case (requestIdCase), in the dialect's form (Zenlayer's
 * after a "T": exampleRequestId of its contract form).
 */
export function exampleRequestId(dialect: Dialect, product: string, seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const cased = productOf({ dialect, product }).requestIdCase === "upper" ? uuid.toUpperCase() : uuid;
  return dialectContractForms[dialect].exampleRequestId(cased);
}
