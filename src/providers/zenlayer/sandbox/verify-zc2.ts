import type { AuthorizationParts } from "../../sandbox-kit/authorization-header.js";
import { hostVariants, type SandboxRequest } from "../../sandbox-kit/sandbox-request.js";
import { sameSignature } from "../../signing-kit/crypto-helpers.js";
import { signZc2 } from "../zc2.js";

/**
 * Whether a ZC2-HMAC-SHA256 signature is right: TC3's canonical request with path "/" whatever the
 * request path (/api/v2/SERVICE), the Content-Type header as sent, the host with or without its port.
 * Only SignedHeaders `content-type;host` (what the official SDKs sign) is verified.
 */
export function verifyZc2(
  request: SandboxRequest,
  auth: AuthorizationParts,
  accessKeyPassword: string,
  timestamp: number,
): boolean {
  if (auth.signedHeaders.replace(/\s/g, "").toLowerCase() !== "content-type;host") return false;
  return hostVariants(request.host).some((host) => {
    const expected = signZc2({
      accessKeyId: auth.credential,
      accessKeyPassword,
      host,
      timestamp,
      contentType: request.headers["content-type"] ?? "",
      body: request.bodyText,
      method: request.method,
    });
    return sameSignature(expected.signature, auth.signature);
  });
}
