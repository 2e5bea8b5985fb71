import {
  authorizationAlgorithm,
  hasHeaderPrefix,
  type SandboxRequest,
} from "../../sandbox-kit/sandbox-request.js";

/** X-ZC-* headers or a ZC2-HMAC-SHA256 Authorization. */
export function speaksZenlayer(request: SandboxRequest): boolean {
  return hasHeaderPrefix(request, "x-zc-") || authorizationAlgorithm(request) === "ZC2-HMAC-SHA256";
}
