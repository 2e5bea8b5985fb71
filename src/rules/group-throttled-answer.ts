import { failureAnswer, PRODUCTS } from "../providers/registry.js";

/** Each product's throttling code (its "throttled" failure): RequestLimitExceeded, Throttling, … */
export const THROTTLING_CODES: readonly string[] = [
  ...new Set(PRODUCTS.map((product) => failureAnswer(product, "throttled").code)),
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The throttling codes as a regular expression's alternatives. */
export const THROTTLING_CODE_PATTERN = THROTTLING_CODES.map(escapeRegExp).join("|");

/** A throttling code, or one of its sub-codes (Tencent's RequestLimitExceeded.UinLimitExceeded). */
const THROTTLING_CODE = new RegExp(`^(${THROTTLING_CODE_PATTERN})(\\..+)?$`);

/**
 * Whether an answer says "slow down": HTTP 429, or a product's throttling code. The live runner retries
 * such answers; the group rules use it to know which attempt of a call is its last.
 */
export function isThrottledAnswer(status: number, code: string | undefined): boolean {
  return status === 429 || (code !== undefined && THROTTLING_CODE.test(code));
}
