import type { FailureTable } from "../product.js";

/**
 * Tencent Cloud API 3.0 common codes (seeds 001, 003; schemas/code-tables/tencent-common.json) for each
 * kind of refusal, shared by every product. Every error comes with HTTP 200: the official SDKs read an
 * error envelope only then (provider-facts.md §1).
 */
export const TENCENT_FAILURES: FailureTable = {
  "bad-method": { code: "UnsupportedProtocol", status: 200 },
  "invalid-authorization": { code: "AuthFailure.InvalidAuthorization", status: 200 },
  "unknown-key": { code: "AuthFailure.SecretIdNotFound", status: 200 },
  expired: { code: "AuthFailure.SignatureExpire", status: 200 },
  "bad-signature": { code: "AuthFailure.SignatureFailure", status: 200 },
  throttled: { code: "RequestLimitExceeded", status: 200 },
  "unknown-version": { code: "NoSuchVersion", status: 200 },
  "unknown-action": { code: "InvalidAction", status: 200 },
  "missing-parameter": { code: "MissingParameter", status: 200 },
  "unknown-parameter": { code: "UnknownParameter", status: 200 },
  "invalid-parameter": { code: "InvalidParameterValue", status: 200 },
  "malformed-body": { code: "InvalidParameter", status: 200 },
  "unknown-region": { code: "UnsupportedRegion", status: 200 },
  "dry-run": { code: "DryRunOperation", status: 200 },
  "resource-not-found": { code: "ResourceNotFound", status: 200 },
  internal: { code: "InternalError", status: 200 },
};
