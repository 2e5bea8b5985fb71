import { hmacSha256, sha256Hex } from "../signing-kit/crypto-helpers.js";

export const ZC2_ALGORITHM = "ZC2-HMAC-SHA256";

export interface Zc2Input {
  accessKeyId: string;
  accessKeyPassword: string;
  host: string;
  timestamp: number;
  contentType: string;
  body: string;
  method?: string;
}

/**
 * Zenlayer ZC2-HMAC-SHA256 (provider-facts.md §4): TC3's canonical request with path "/" whatever the
 * request path, then one HMAC with the password, no key derivation.
 */
export function signZc2(input: Zc2Input): {
  authorization: string;
  signature: string;
  canonicalRequest: string;
} {
  const canonicalRequest = [
    input.method ?? "POST",
    "/",
    "",
    `content-type:${input.contentType}\nhost:${input.host}\n`,
    "content-type;host",
    sha256Hex(input.body),
  ].join("\n");
  const stringToSign = `${ZC2_ALGORITHM}\n${input.timestamp}\n${sha256Hex(canonicalRequest)}`;
  const signature = hmacSha256(input.accessKeyPassword, stringToSign).toString("hex");
  return {
    authorization: `${ZC2_ALGORITHM} Credential=${input.accessKeyId}, SignedHeaders=content-type;host, Signature=${signature}`,
    signature,
    canonicalRequest,
  };
}
