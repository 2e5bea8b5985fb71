import type { KeyPair } from "../credentials.js";
import type { OutgoingRequest } from "../request-form.js";
import { parseAuthorization } from "../sandbox-kit/authorization-header.js";
import { parseUnixSeconds } from "../sandbox-kit/timestamps.js";
import { signZc2, ZC2_ALGORITHM } from "./zc2.js";

/**
 * The Authorization a ZC2-HMAC-SHA256 request gets for the host its `host` header names, with `keys`, or
 * why it cannot get one. What else the original signed is kept: X-ZC-Timestamp, the method, the
 * Content-Type header and the body (ZC2 signs the path as "/" whatever it is).
 *
 * `request` has lower-case header names.
 */
export function resignZc2(
  request: OutgoingRequest,
  keys: KeyPair,
): { authorization: string } | { reason: string } {
  const { headers } = request;
  if (!parseAuthorization(headers.authorization, ZC2_ALGORITHM)) {
    return {
      reason: `the Authorization is not "${ZC2_ALGORITHM} Credential=ID, SignedHeaders=…, Signature=…"`,
    };
  }
  const timestamp = parseUnixSeconds(headers["x-zc-timestamp"]);
  if (timestamp === undefined) return { reason: "X-ZC-Timestamp is missing or not Unix seconds" };
  const signed = signZc2({
    accessKeyId: keys.id,
    accessKeyPassword: keys.secret,
    host: headers.host ?? "",
    timestamp,
    contentType: headers["content-type"] ?? "",
    body: request.body,
    method: request.method.toUpperCase(),
  });
  return { authorization: signed.authorization };
}
