import { parameterOf, withReason } from "../../sandbox-kit/describe-refusal.js";
import type { RefusalDetail } from "../../sandbox-kit/refusal.js";
import type { AlibabaProductSandbox } from "../sandbox/alibaba-product-sandbox.js";
import { KMS_ACTIONS } from "./sandbox-actions.js";

const invalidParameter = (detail: RefusalDetail) =>
  withReason(`The specified parameter "${parameterOf(detail)}" is not valid.`, detail);
const incompleteSignature = (detail: RefusalDetail) =>
  withReason("The request signature does not conform to Alibaba Cloud standards.", detail);

/** KMS in the sandbox: DescribeRegions and Encrypt (every key of a KMS shape exists), in KMS's own words (seed 002). */
export const sandbox: AlibabaProductSandbox = {
  actions: KMS_ACTIONS,
  messages: {
    "invalid-authorization": incompleteSignature,
    "bad-signature": incompleteSignature,
    "unknown-key": () => "The AccessKey ID provided does not exist in our records.",
    throttled: () => "The request was denied due to request throttling.",
    "missing-parameter": (detail) => `The parameter "${parameterOf(detail)}" is needed but not provided.`,
    "resource-not-found": (detail) => withReason("The specified Key is not found.", detail),
    "unknown-parameter": invalidParameter,
    "invalid-parameter": invalidParameter,
    "dry-run": invalidParameter,
    internal: (detail) => withReason("Internal Failure.", detail),
  },
};
