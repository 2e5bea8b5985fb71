import type { AuthorizationParts } from "../../sandbox-kit/authorization-header.js";
import type { SandboxRequest } from "../../sandbox-kit/sandbox-request.js";
import { sameSignature, sha256Hex } from "../../signing-kit/crypto-helpers.js";
import { signAcs3 } from "../acs3.js";

export type Acs3Verdict = { ok: true } | { ok: false; reason?: string };

/**
 * Alibaba ACS3-HMAC-SHA256 (V3), as @alicloud/openapi-client sends it: the headers the Authorization names
 * (host and every x-acs-* it sent, content-type when there is a body), the request's own path and query,
 * and x-acs-content-sha256, which must be the SHA-256 of the body actually received.
 */
export function verifyAcs3(
  request: SandboxRequest,
  auth: AuthorizationParts,
  accessKeySecret: string,
): Acs3Verdict {
  const names = auth.signedHeaders.split(";").map((name) => name.trim().toLowerCase());
  if (!names.includes("host")) return { ok: false, reason: "SignedHeaders must include host" };
  const bodyHash = sha256Hex(request.body);
  const declared = request.headers["x-acs-content-sha256"];
  if (declared !== undefined && declared.trim().toLowerCase() !== bodyHash) {
    return { ok: false, reason: "x-acs-content-sha256 is not the SHA-256 of the body" };
  }
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = request.headers[name] ?? "";
  const query: Record<string, string> = {};
  for (const [name, value] of request.query) query[name] = value;
  const expected = signAcs3({
    method: request.method,
    path: request.path,
    query,
    headers,
    body: request.bodyText,
    accessKeyId: "",
    accessKeySecret,
  });
  return { ok: sameSignature(expected.signature, auth.signature) };
}
