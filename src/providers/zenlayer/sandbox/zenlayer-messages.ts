import type { ProductDefinition } from "../../product.js";
import { offendingValue, parameterOf, withReason } from "../../sandbox-kit/describe-refusal.js";
import { documentedFailure } from "../../sandbox-kit/documented-failure.js";
import type { Failure, Refusal } from "../../sandbox-kit/refusal.js";

/** Messages in the upper-snake-case codes' plain words, with the parameter or value named. */
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

export function zenlayerFailure(product: ProductDefinition, refusal: Refusal): Failure {
  return documentedFailure(product, refusal, message(refusal));
}
