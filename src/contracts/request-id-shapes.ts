import { createHash } from "node:crypto";
import { alibaba } from "../dialects/alibaba.js";
import type { Dialect } from "../dialects/dialect.js";
import { tencent } from "../dialects/tencent.js";
import { zenlayer } from "../dialects/zenlayer.js";

/** The request-ID regex of each dialect: the source of its `requestIdShape.pattern`. */
export const REQUEST_ID_PATTERNS: Record<Dialect, string> = {
  tencent: tencent.requestIdShape.pattern.source,
  alibaba: alibaba.requestIdShape.pattern.source,
  zenlayer: zenlayer.requestIdShape.pattern.source,
};

/**
 * A deterministic example request ID for an interaction (no random ids in contracts), in the shape the
 * product uses: Tencent and KMS lower-case UUIDs, ESS upper-case, Zenlayer "T" + upper-case UUID.
 */
export function exampleRequestId(dialect: Dialect, product: string, seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  if (dialect === "zenlayer") return `T${uuid.toUpperCase()}`;
  if (dialect === "alibaba" && product === "ess") return uuid.toUpperCase();
  return uuid;
}
