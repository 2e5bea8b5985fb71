import { offendingValue, parameterOf, withReason } from "../describe-refusal.js";
import type { Failure, FailureKind, Refusal } from "../refusal.js";

/**
 * Tencent Cloud API 3.0 common codes (seeds 001, 003; schemas/code-tables/tencent-common.json) for each
 * kind of refusal. Every error comes with HTTP 200: the official SDKs read an error envelope only then
 * (provider-facts.md §1).
 */
export const TENCENT_CODES: Record<FailureKind, string> = {
  "bad-method": "UnsupportedProtocol",
  "invalid-authorization": "AuthFailure.InvalidAuthorization",
  "unknown-key": "AuthFailure.SecretIdNotFound",
  expired: "AuthFailure.SignatureExpire",
  "bad-signature": "AuthFailure.SignatureFailure",
  throttled: "RequestLimitExceeded",
  "unknown-version": "NoSuchVersion",
  "unknown-action": "InvalidAction",
  "missing-parameter": "MissingParameter",
  "unknown-parameter": "UnknownParameter",
  "invalid-parameter": "InvalidParameterValue",
  "malformed-body": "InvalidParameter",
  "unknown-region": "UnsupportedRegion",
  "dry-run": "DryRunOperation",
  "resource-not-found": "ResourceNotFound",
  internal: "InternalError",
};

function message({ kind, detail }: Refusal): string {
  switch (kind) {
    case "bad-method":
      return `The HTTP method ${offendingValue(detail)} is not supported; only GET and POST requests are supported.`;
    case "invalid-authorization":
      return withReason(
        "The Authorization header is missing or is not a valid TC3-HMAC-SHA256 authorization",
        detail,
      );
    case "unknown-key":
      return "The SecretId is not found, please ensure that your SecretId is correct.";
    case "expired":
      return withReason("The signature has expired", detail);
    case "bad-signature":
      return "The provided credentials could not be validated. Please check your signature is correct.";
    case "throttled":
      return "The number of requests exceeds the frequency limit.";
    case "unknown-version":
      return `The requested version \`${offendingValue(detail)}\` of service \`cvm\` does not exist.`;
    case "unknown-action":
      return `The requested action \`${offendingValue(detail)}\` does not exist.`;
    case "missing-parameter":
      return `The request is missing the required parameter \`${parameterOf(detail)}\`.`;
    case "unknown-parameter":
      return `The parameter \`${parameterOf(detail)}\` is not recognized.`;
    case "invalid-parameter":
      return withReason(`The value of parameter \`${parameterOf(detail)}\` is not valid`, detail);
    case "malformed-body":
      return withReason("The request body is not a valid JSON object", detail);
    case "unknown-region":
      return withReason(`The region \`${offendingValue(detail)}\` is not supported`, detail);
    case "dry-run":
      return "DryRun operation, which means the request will succeed, but an unnecessary DryRun parameter is passed in.";
    case "resource-not-found":
      return withReason("The resource does not exist", detail);
    case "internal":
      return withReason("An internal error occurred; try again later", detail);
  }
}

export function tencentFailure(refusal: Refusal): Failure {
  return { kind: refusal.kind, code: TENCENT_CODES[refusal.kind], message: message(refusal), status: 200 };
}
