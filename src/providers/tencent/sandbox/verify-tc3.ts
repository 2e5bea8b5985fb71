import type { AuthorizationParts } from "../../sandbox-kit/authorization-header.js";
import { hostVariants, type SandboxRequest } from "../../sandbox-kit/sandbox-request.js";
import { sameSignature } from "../../signing-kit/crypto-helpers.js";
import { signTc3 } from "../tc3.js";

/** The credential scope of a TC3 Authorization: `SECRETID/DATE/SERVICE/tc3_request`. */
export interface Tc3Credential {
  secretId: string;
  date: string;
  service: string;
}

export function parseTc3Credential(credential: string): Tc3Credential | undefined {
  const match = /^([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request$/.exec(credential);
  if (!match) return undefined;
  return { secretId: match[1] as string, date: match[2] as string, service: match[3] as string };
}

/**
 * Whether a TC3-HMAC-SHA256 signature is right. The canonical request uses the request's own path and
 * query, its Content-Type header as sent, and the service of the credential scope (tencentcloud-sdk-nodejs
 * signs the first label of its endpoint, "127" for 127.0.0.1). The host is tried with and without its
 * port: the Node SDK sends `Host: 127.0.0.1:PORT` but signs `127.0.0.1`. Only SignedHeaders
 * `content-type;host` (what every official SDK signs) is verified.
 */
export function verifyTc3(
  request: SandboxRequest,
  auth: AuthorizationParts,
  credential: Tc3Credential,
  secretKey: string,
  timestamp: number,
): boolean {
  if (auth.signedHeaders.replace(/\s/g, "").toLowerCase() !== "content-type;host") return false;
  return hostVariants(request.host).some((host) => {
    const expected = signTc3({
      secretId: credential.secretId,
      secretKey,
      service: credential.service,
      host,
      timestamp,
      contentType: request.headers["content-type"] ?? "",
      body: request.bodyText,
      method: request.method,
      path: request.path,
      query: request.rawQuery,
    });
    return sameSignature(expected.signature, auth.signature);
  });
}
