import type { ProductDefinition } from "../../product.js";
import { offendingValue, parameterOf, withReason } from "../../sandbox-kit/describe-refusal.js";
import { documentedFailure } from "../../sandbox-kit/documented-failure.js";
import type { Failure, Refusal } from "../../sandbox-kit/refusal.js";

/** Messages in the words of Tencent's documentation, with the parameter or value named. */
function message(product: ProductDefinition, { kind, detail }: Refusal): string {
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
      return `The requested version \`${offendingValue(detail)}\` of service \`${product.service}\` does not exist.`;
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

export function tencentFailure(product: ProductDefinition, refusal: Refusal): Failure {
  return documentedFailure(product, refusal, message(product, refusal));
}
