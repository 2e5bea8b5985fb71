import type { KeyPair } from "../credentials.js";
import type { OutgoingRequest } from "../request-form.js";
import { parseAuthorization } from "../sandbox-kit/authorization-header.js";
import { parseUnixSeconds } from "../sandbox-kit/timestamps.js";
import { parseTc3Credential } from "./sandbox/verify-tc3.js";
import { signTc3, TC3_ALGORITHM, utcDate } from "./tc3.js";

/**
 * The Authorization a TC3-HMAC-SHA256 request gets for the host its `host` header names, with `keys`, or
 * why it cannot get one. What else the original signed is kept: X-TC-Timestamp, the credential scope's
 * service (unless `options.service` replaces it), the method, path and query the URL sends, the Content-Type header and the body. signTc3 signs
 * `content-type;host`, the minimum Tencent accepts and what every official SDK signs.
 *
 * `request` has lower-case header names.
 */
export function resignTc3(
  request: OutgoingRequest,
  keys: KeyPair,
  /** The service for the credential scope in place of the signed one (resign-request.ts ResignOptions). */
  options: { service?: string | undefined } = {},
): { authorization: string } | { reason: string } {
  const { headers } = request;
  const auth = parseAuthorization(headers.authorization, TC3_ALGORITHM);
  const scope = auth && parseTc3Credential(auth.credential);
  if (!auth || !scope) {
    return {
      reason: `the Authorization is not "${TC3_ALGORITHM} Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=…, Signature=…"`,
    };
  }
  const timestamp = parseUnixSeconds(headers["x-tc-timestamp"]);
  if (timestamp === undefined) return { reason: "X-TC-Timestamp is missing or not Unix seconds" };
  // signTc3 derives the scope date from the timestamp: a scope the client dated otherwise cannot be kept.
  const date = utcDate(timestamp);
  if (date !== scope.date) {
    return {
      reason: `the credential scope date ${scope.date} is not ${date}, the UTC date of X-TC-Timestamp ${timestamp}`,
    };
  }
  const url = new URL(request.url);
  const signed = signTc3({
    secretId: keys.id,
    secretKey: keys.secret,
    service: options.service ?? scope.service,
    host: headers.host ?? "",
    timestamp,
    contentType: headers["content-type"] ?? "",
    body: request.body,
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: url.search.slice(1),
  });
  return { authorization: signed.authorization };
}
