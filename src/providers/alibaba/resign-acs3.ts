import type { KeyPair } from "../credentials.js";
import type { OutgoingRequest } from "../request-form.js";
import { parseAuthorization } from "../sandbox-kit/authorization-header.js";
import { ACS3_ALGORITHM, signAcs3 } from "./acs3.js";

/** The headers signAcs3 signs; a signature over any other cannot be reproduced. */
const signable = (name: string) => name === "host" || name === "content-type" || name.startsWith("x-acs-");

/**
 * The Authorization an ACS3-HMAC-SHA256 request gets for the host its `host` header names, with `keys`,
 * or why it cannot get one. The headers the original SignedHeaders names are signed again with their
 * values as sent (x-acs-date, x-acs-signature-nonce, x-acs-content-sha256, content-type, …), host among
 * them, over the method, path and query the URL sends; the body's hash is x-acs-content-sha256 where
 * that header is signed, as verifyAcs3 reads it.
 *
 * `request` has lower-case header names.
 */
export function resignAcs3(
  request: OutgoingRequest,
  keys: KeyPair,
): { authorization: string } | { reason: string } {
  const auth = parseAuthorization(request.headers.authorization, ACS3_ALGORITHM);
  if (!auth) {
    return {
      reason: `the Authorization is not "${ACS3_ALGORITHM} Credential=ID,SignedHeaders=…,Signature=…"`,
    };
  }
  const names = new Set(["host"]);
  for (const name of auth.signedHeaders.split(";")) {
    const lower = name.trim().toLowerCase();
    if (lower) names.add(lower);
  }
  const unsignable = [...names].filter((name) => !signable(name));
  if (unsignable.length > 0) {
    return {
      reason: `its SignedHeaders name ${unsignable.join(", ")}, which ACS3 re-signing does not sign (host, content-type and x-acs-* only)`,
    };
  }
  const signedHeaders: Record<string, string> = {};
  for (const name of names) signedHeaders[name] = request.headers[name] ?? "";
  const url = new URL(request.url);
  const signed = signAcs3({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: signedHeaders,
    body: request.body,
    accessKeyId: keys.id,
    accessKeySecret: keys.secret,
  });
  return { authorization: signed.authorization };
}
