import type { ProductDefinition } from "../../product.js";
import { parameterOf, withReason } from "../../sandbox-kit/describe-refusal.js";
import { documentedFailure } from "../../sandbox-kit/documented-failure.js";
import type { Failure, Refusal, RefusalDetail } from "../../sandbox-kit/refusal.js";
import type { AlibabaMessages, AlibabaProductSandbox } from "./alibaba-product-sandbox.js";

const invalidValue = (detail: RefusalDetail) =>
  withReason(`The specified value of parameter ${parameterOf(detail)} is not valid.`, detail);
const signatureMismatch = (detail: RefusalDetail) =>
  withReason("The signature we calculated does not match the one you provided.", detail);

/**
 * The Message column of Alibaba's common error codes (seed 004; the codes of ../failures.ts), which a
 * product's sandbox.ts overrides where its own table words them otherwise (KMS).
 */
export const ALIBABA_MESSAGES: AlibabaMessages = {
  "bad-method": () => "This http method is not supported.",
  "invalid-authorization": signatureMismatch,
  "bad-signature": signatureMismatch,
  "unknown-key": () => "The Access Key ID provided does not exist in our records.",
  expired: (detail) =>
    withReason(
      'The input parameter "Timestamp" that is mandatory for processing this request is not supplied or not valid',
      detail,
    ),
  throttled: () => "Request was denied due to request throttling.",
  "unknown-version": () => "The specified version does not exist.",
  "unknown-action": () => "The specified action is not supported.",
  "missing-parameter": (detail) =>
    `The input parameter ${parameterOf(detail)} that is mandatory for processing this request is not supplied.`,
  // The common table has no not-found code: a resource that does not exist is an invalid value.
  "resource-not-found": invalidValue,
  "unknown-parameter": invalidValue,
  "invalid-parameter": invalidValue,
  "dry-run": invalidValue,
  "malformed-body": (detail) =>
    withReason("Server parse parameters exception. Please check your input params.", detail),
  "unknown-region": (detail) =>
    withReason("Resource you requested is not available in this region or zone.", detail),
  internal: (detail) =>
    withReason("The request processing has failed due to some unknown error, exception or failure.", detail),
};

/** A refusal as `product` answers it: its documented code and status, in its own words where it has them. */
export function alibabaFailure(
  product: ProductDefinition,
  sandbox: AlibabaProductSandbox | undefined,
  refusal: Refusal,
): Failure {
  const message = sandbox?.messages?.[refusal.kind] ?? ALIBABA_MESSAGES[refusal.kind];
  return documentedFailure(product, refusal, message(refusal.detail));
}
