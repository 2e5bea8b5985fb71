import { offendingValue, parameterOf, withReason } from "../describe-refusal.js";
import type { Failure, FailureKind, Refusal } from "../refusal.js";

interface Entry {
  code: string;
  status: number;
}

/**
 * Zenlayer Cloud codes. Zenlayer publishes no common code table (provider-facts.md §1): the codes seen on
 * the wire are used where one fits (INVALID_ZONE_NOT_FOUND, REQUEST_LIMIT_EXCEEDED with 429 as the Go SDK
 * expects, INTERNAL_SERVER_ERROR, OPERATION_FAILED_RESOURCE_NOT_FOUND), and bmc's own documented codes
 * (the official Go SDK's bmc 2022-11-20 error list, schemas/code-tables/zenlayer-bmc.json: MISSING_PARAMETER);
 * the others are named in the same upper snake case, with the status class seed 000 gives: 4xx when the
 * request is illegal or not allowed (401 for authentication, 405 for the method), 5xx for system errors.
 * No document names a code for those others (authentication, signature, timestamp, version, action, method,
 * a generic bad parameter), so error-code-known warns on them (test/sandbox/default-run-findings.test.ts).
 */
export const ZENLAYER_FAILURES: Record<FailureKind, Entry> = {
  "bad-method": { code: "METHOD_NOT_ALLOWED", status: 405 },
  "invalid-authorization": { code: "SIGNATURE_VERIFICATION_FAILED", status: 401 },
  "unknown-key": { code: "ACCESS_KEY_NOT_FOUND", status: 401 },
  expired: { code: "REQUEST_EXPIRED", status: 401 },
  "bad-signature": { code: "SIGNATURE_VERIFICATION_FAILED", status: 401 },
  throttled: { code: "REQUEST_LIMIT_EXCEEDED", status: 429 },
  "unknown-version": { code: "INVALID_VERSION", status: 400 },
  "unknown-action": { code: "INVALID_ACTION", status: 400 },
  "missing-parameter": { code: "MISSING_PARAMETER", status: 400 },
  "unknown-parameter": { code: "INVALID_PARAMETER", status: 400 },
  "invalid-parameter": { code: "INVALID_PARAMETER", status: 400 },
  "malformed-body": { code: "INVALID_PARAMETER", status: 400 },
  "unknown-region": { code: "INVALID_ZONE_NOT_FOUND", status: 400 },
  "dry-run": { code: "INVALID_PARAMETER", status: 400 },
  "resource-not-found": { code: "OPERATION_FAILED_RESOURCE_NOT_FOUND", status: 404 },
  internal: { code: "INTERNAL_SERVER_ERROR", status: 500 },
};

function message({ kind, detail }: Refusal): string {
  switch (kind) {
    case "bad-method":
      return `The HTTP method ${offendingValue(detail)} is not allowed; use POST.`;
    case "invalid-authorization":
      return withReason(
        "The Authorization header is missing or is not a ZC2-HMAC-SHA256 authorization",
        detail,
      );
    case "unknown-key":
      return "The access key ID does not exist.";
    case "expired":
      return withReason("The request has expired", detail);
    case "bad-signature":
      return withReason("The signature of the request could not be verified", detail);
    case "throttled":
      return "Request limit exceeded, please try again later.";
    case "unknown-version":
      return `The version \`${offendingValue(detail)}\` is not supported.`;
    case "unknown-action":
      return withReason(`The action \`${offendingValue(detail)}\` is not supported`, detail);
    case "missing-parameter":
      return `The required parameter \`${parameterOf(detail)}\` is missing.`;
    case "unknown-parameter":
      return `The parameter \`${parameterOf(detail)}\` is not recognized.`;
    case "invalid-parameter":
    case "dry-run":
      return withReason(`The value of parameter \`${parameterOf(detail)}\` is invalid`, detail);
    case "malformed-body":
      return withReason("The request body is not a valid JSON object", detail);
    case "unknown-region":
      return `The specified zoneId \`${offendingValue(detail)}\` is not found`;
    case "resource-not-found":
      return withReason("The resource is not found", detail);
    case "internal":
      return withReason("An internal error occurred", detail);
  }
}

export function zenlayerFailure(refusal: Refusal): Failure {
  const entry = ZENLAYER_FAILURES[refusal.kind];
  return { kind: refusal.kind, code: entry.code, status: entry.status, message: message(refusal) };
}
