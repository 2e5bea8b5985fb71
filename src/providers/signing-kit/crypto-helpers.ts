import { createHmac, hash, timingSafeEqual } from "node:crypto";

/** One-shot hashing (Node 20.12+): no Hash object per call, which a signed request makes twice. */
export const sha256Hex = (data: string | Buffer): string => hash("sha256", data, "hex");

export const hmacSha256 = (key: string | Buffer, data: string): Buffer =>
  createHmac("sha256", key).update(data, "utf8").digest();

/** Compares two signatures in constant time, so a verifier leaks nothing about how much of one matched. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
