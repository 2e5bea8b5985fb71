import { createHmac } from "node:crypto";
import { canonicalQuery, percentEncode } from "../signing-kit/percent-encode.js";

/**
 * Alibaba RPC signature, HMAC-SHA1, SignatureVersion 1.0 (provider-facts.md §4): every parameter but
 * Signature, sorted and encoded; string to sign METHOD&%2F&encode(query); key secret + "&".
 */
export function rpcStringToSign(method: string, params: Record<string, string>): string {
  const signed = { ...params };
  delete signed.Signature;
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQuery(signed))}`;
}

export function signRpc(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`)
    .update(rpcStringToSign(method, params), "utf8")
    .digest("base64");
}
