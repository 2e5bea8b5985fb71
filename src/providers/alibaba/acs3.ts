import { hmacSha256, sha256Hex } from "../signing-kit/crypto-helpers.js";
import { canonicalQuery } from "../signing-kit/percent-encode.js";

export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

export interface Acs3Input {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Request headers, names in any case; host and every x-acs-* header are signed. */
  headers: Record<string, string>;
  body: string;
  accessKeyId: string;
  accessKeySecret: string;
}

/**
 * The headers ACS3 signs: host, content-type and x-acs-*, lower-cased and sorted; the values of names
 * equal but for case are sorted and joined with "," (as @alicloud/openapi-util does).
 */
export function acs3SignedHeaders(headers: Record<string, string>): [string, string][] {
  const byName = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower !== "host" && lower !== "content-type" && !lower.startsWith("x-acs-")) continue;
    byName.set(lower, [...(byName.get(lower) ?? []), value.trim()]);
  }
  return [...byName]
    .map(([name, values]) => [name, values.sort().join(",")] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Alibaba ACS3-HMAC-SHA256, the V3 signature (provider-facts.md §4). */
export function signAcs3(input: Acs3Input): {
  authorization: string;
  signature: string;
  canonicalRequest: string;
} {
  const signed = acs3SignedHeaders(input.headers);
  const names = signed.map(([name]) => name).join(";");
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path || "/",
    canonicalQuery(input.query),
    signed.map(([name, value]) => `${name}:${value}\n`).join(""),
    names,
    input.headers["x-acs-content-sha256"] ?? sha256Hex(input.body),
  ].join("\n");
  const signature = hmacSha256(
    input.accessKeySecret,
    `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`,
  ).toString("hex");
  return {
    authorization: `${ACS3_ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${names},Signature=${signature}`,
    signature,
    canonicalRequest,
  };
}
