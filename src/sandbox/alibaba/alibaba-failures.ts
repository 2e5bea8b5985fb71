import { parameterOf, withReason } from "../describe-refusal.js";
import type { Failure, FailureKind, Refusal } from "../refusal.js";
import type { AlibabaProduct } from "./alibaba-products.js";

interface Entry {
  code: string;
  status: number;
}

/**
 * KMS 2016-01-20 codes and statuses (seed 002; schemas/code-tables/alibaba-kms.json). Codes KMS does not
 * list (UnsupportedOperation, NoSuchVersion, ResourceNotAvailable) are ESS's, with ESS's status: the
 * Alibaba RPC gateway answers them alike for every product.
 */
const KMS: Record<FailureKind, Entry> = {
  "bad-method": { code: "UnsupportedHTTPMethod", status: 403 },
  "invalid-authorization": { code: "IncompleteSignature", status: 400 },
  "unknown-key": { code: "InvalidAccessKeyId.NotFound", status: 404 },
  expired: { code: "IllegalTimestamp", status: 400 },
  "bad-signature": { code: "IncompleteSignature", status: 400 },
  throttled: { code: "Rejected.Throttling", status: 429 },
  "unknown-version": { code: "NoSuchVersion", status: 400 },
  "unknown-action": { code: "UnsupportedOperation", status: 400 },
  "missing-parameter": { code: "MissingParameter", status: 400 },
  "unknown-parameter": { code: "InvalidParameter", status: 400 },
  "invalid-parameter": { code: "InvalidParameter", status: 400 },
  "malformed-body": { code: "ParseRequestParameterException", status: 400 },
  "unknown-region": { code: "ResourceNotAvailable", status: 400 },
  "dry-run": { code: "InvalidParameter", status: 400 },
  "resource-not-found": { code: "Forbidden.KeyNotFound", status: 404 },
  internal: { code: "InternalFailure", status: 500 },
};

/**
 * Auto Scaling (ESS) 2014-08-28 codes and statuses (seed 004; schemas/code-tables/alibaba-ess.json).
 * UnsupportedHTTPMethod (403) and IllegalTimestamp (400) are KMS's: ESS documents no code for them.
 * A scaling group that does not exist is InvalidParameter (400): seed 004 documents no not-found code.
 */
const ESS: Record<FailureKind, Entry> = {
  "bad-method": { code: "UnsupportedHTTPMethod", status: 403 },
  "invalid-authorization": { code: "SignatureDoesNotMatch", status: 403 },
  "unknown-key": { code: "InvalidAccessKeyId.NotFound", status: 400 },
  expired: { code: "IllegalTimestamp", status: 400 },
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

export const ALIBABA_FAILURES: Record<AlibabaProduct, Record<FailureKind, Entry>> = { kms: KMS, ess: ESS };

/** Messages in each product's own words (the tables' Message column), with the parameter named. */
function message(product: AlibabaProduct, { kind, detail }: Refusal): string {
  const kms = product === "kms";
  switch (kind) {
    case "bad-method":
      return "This http method is not supported.";
    case "invalid-authorization":
    case "bad-signature":
      return withReason(
        kms
          ? "The request signature does not conform to Alibaba Cloud standards."
          : "The signature we calculated does not match the one you provided.",
        detail,
      );
    case "unknown-key":
      return kms
        ? "The AccessKey ID provided does not exist in our records."
        : "The Access Key ID provided does not exist in our records.";
    case "expired":
      return withReason(
        'The input parameter "Timestamp" that is mandatory for processing this request is not supplied or not valid',
        detail,
      );
    case "throttled":
      return kms
        ? "The request was denied due to request throttling."
        : "Request was denied due to request throttling.";
    case "unknown-version":
      return "The specified version does not exist.";
    case "unknown-action":
      return "The specified action is not supported.";
    case "missing-parameter":
      return kms
        ? `The parameter "${parameterOf(detail)}" is needed but not provided.`
        : `The input parameter ${parameterOf(detail)} that is mandatory for processing this request is not supplied.`;
    case "resource-not-found":
      if (kms) return withReason("The specified Key is not found.", detail);
      return withReason(`The specified value of parameter ${parameterOf(detail)} is not valid.`, detail);
    case "unknown-parameter":
    case "invalid-parameter":
    case "dry-run":
      return withReason(
        kms
          ? `The specified parameter "${parameterOf(detail)}" is not valid.`
          : `The specified value of parameter ${parameterOf(detail)} is not valid.`,
        detail,
      );
    case "malformed-body":
      return withReason("Server parse parameters exception. Please check your input params.", detail);
    case "unknown-region":
      return withReason("Resource you requested is not available in this region or zone.", detail);
    case "internal":
      return withReason(
        kms
          ? "Internal Failure."
          : "The request processing has failed due to some unknown error, exception or failure.",
        detail,
      );
  }
}

export function alibabaFailure(product: AlibabaProduct, refusal: Refusal): Failure {
  const entry = ALIBABA_FAILURES[product][refusal.kind];
  return { kind: refusal.kind, code: entry.code, status: entry.status, message: message(product, refusal) };
}
