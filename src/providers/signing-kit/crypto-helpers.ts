import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

export const hmacSha256 = (key: string | Buffer, data: string): Buffer =>
  createHmac("sha256", key).update(data, "utf8").digest();

/** Compares two signatures in constant time, so a verifier leaks nothing about how much of one matched. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
