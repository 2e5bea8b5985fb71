import type { FailureAnswer, FailureTable } from "../product.js";

/** No document names the code: a probe expects only the status class of seed 000. */
const unnamed = (code: string, status: number): FailureAnswer => ({
  code,
  status,
  expect: { code: false, status: "class" },
});

/**
 * Zenlayer Cloud codes, shared by every service. Zenlayer publishes no common code table
 * (provider-facts.md §1): the codes seen on the wire are used where one fits (INVALID_ZONE_NOT_FOUND,
 * REQUEST_LIMIT_EXCEEDED with 429 as the Go SDK expects, INTERNAL_SERVER_ERROR,
 * OPERATION_FAILED_RESOURCE_NOT_FOUND), and bmc's own documented codes (the official Go SDK's bmc 2022-11-20
 * error list, schemas/code-tables/zenlayer-bmc.json: MISSING_PARAMETER); the others are named in the same
 * upper snake case, with the status class seed 000 gives: 4xx when the request is illegal or not allowed
 * (401 for authentication, 405 for the method), 5xx for system errors. No document names a code for those
 * others (authentication, signature, timestamp, version, action, method, a generic bad parameter), so
 * error-code-known warns on them (test/sandbox/default-run-findings.test.ts), and probes expect only the
 * status class.
 */
export const ZENLAYER_FAILURES: FailureTable = {
  "bad-method": unnamed("METHOD_NOT_ALLOWED", 405),
  "invalid-authorization": unnamed("SIGNATURE_VERIFICATION_FAILED", 401),
  "unknown-key": unnamed("ACCESS_KEY_NOT_FOUND", 401),
  expired: unnamed("REQUEST_EXPIRED", 401),
  "bad-signature": unnamed("SIGNATURE_VERIFICATION_FAILED", 401),
  throttled: {
    code: "REQUEST_LIMIT_EXCEEDED",
    status: 429,
    source: "reference/provider-facts.md §1 (zenlayercloud-sdk-go: HTTP 429 or REQUEST_LIMIT_EXCEEDED)",
  },
  "unknown-version": unnamed("INVALID_VERSION", 400),
  "unknown-action": unnamed("INVALID_ACTION", 400),
  // Documented for bmc (errors.go), with no status; the probe has always asked only for the class.
  "missing-parameter": unnamed("MISSING_PARAMETER", 400),
  "unknown-parameter": unnamed("INVALID_PARAMETER", 400),
  "invalid-parameter": unnamed("INVALID_PARAMETER", 400),
  "malformed-body": unnamed("INVALID_PARAMETER", 400),
  "unknown-region": {
    code: "INVALID_ZONE_NOT_FOUND",
    status: 400,
    source: "seeds/000 failed-request example",
    expect: { status: "class" },
  },
  "dry-run": unnamed("INVALID_PARAMETER", 400),
  "resource-not-found": unnamed("OPERATION_FAILED_RESOURCE_NOT_FOUND", 404),
  internal: unnamed("INTERNAL_SERVER_ERROR", 500),
};
