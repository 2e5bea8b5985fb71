import type { FailureTable } from "../product.js";

/**
 * Alibaba Cloud RPC common error codes (seed 004's common error code table; provider-facts.md §2), the
 * answers of every product that does not document its own (KMS does). UnsupportedHTTPMethod (403) and
 * IllegalTimestamp (400) are KMS's: the common table has no code for them. A resource that does not exist
 * is InvalidParameter (400): the common table has no not-found code.
 */
export const ALIBABA_COMMON_FAILURES: FailureTable = {
  "bad-method": { code: "UnsupportedHTTPMethod", status: 403, source: "seeds/002 public error codes" },
  "invalid-authorization": { code: "SignatureDoesNotMatch", status: 403 },
  "unknown-key": { code: "InvalidAccessKeyId.NotFound", status: 400 },
  expired: { code: "IllegalTimestamp", status: 400, source: "seeds/002 public error codes" },
  "bad-signature": { code: "SignatureDoesNotMatch", status: 403 },
  throttled: { code: "Throttling", status: 400 },
  "unknown-version": { code: "NoSuchVersion", status: 400 },
  "unknown-action": { code: "UnsupportedOperation", status: 400 },
  "missing-parameter": { code: "MissingParameter", status: 400 },
  "unknown-parameter": { code: "InvalidParameter", status: 400 },
  "invalid-parameter": { code: "InvalidParameter", status: 400 },
  "malformed-body": { code: "InvalidParameter", status: 400 },
  "unknown-region": { code: "ResourceNotAvailable", status: 400 },
  "dry-run": { code: "InvalidParameter", status: 400 },
  "resource-not-found": { code: "InvalidParameter", status: 400 },
  internal: { code: "InternalError", status: 500 },
};
