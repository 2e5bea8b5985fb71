import {
  authorizationAlgorithm,
  hasHeaderPrefix,
  type SandboxRequest,
} from "../../sandbox-kit/sandbox-request.js";

/** X-TC-* headers or a TC3-HMAC-SHA256 Authorization. */
export function speaksTencent(request: SandboxRequest): boolean {
  return hasHeaderPrefix(request, "x-tc-") || authorizationAlgorithm(request) === "TC3-HMAC-SHA256";
}
