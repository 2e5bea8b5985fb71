import { PROBE_FAULTS, unknownKeyId } from "../../probe-faults.js";
import type { ProductDefinition } from "../../product.js";

const KMS = "seeds/002 public error codes";

/**
 * Alibaba Cloud Key Management Service 2016-01-20 (seed 002). Codes KMS does not list (UnsupportedOperation,
 * NoSuchVersion, ResourceNotAvailable) are ESS's, with ESS's status: the Alibaba RPC gateway answers them
 * alike for every product.
 */
export const product: ProductDefinition = {
  dialect: "alibaba",
  id: "kms",
  title: "Key Management Service (KMS)",
  version: "2016-01-20",
  sources: ["seeds/002_34ba6698e324b33c.txt"],
  service: "kms",
  regions: ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"],
  callRegion: "cn-hangzhou",
  // provider-facts.md §3: KMS documents lower-case request IDs.
  requestIdCase: "lower",
  endpoint: (region) => `kms.${region ?? "cn-hangzhou"}.aliyuncs.com`,
  // provider-facts.md §1: the KMS documentation uses <KMS> for success and error alike.
  xmlRoot: "KMS",
  errorBodyStatus: true,
  hostIdOptional: true,
  failureSource: KMS,
  failures: {
    "bad-method": { code: "UnsupportedHTTPMethod", status: 403 },
    "invalid-authorization": { code: "IncompleteSignature", status: 400 },
    "unknown-key": { code: "InvalidAccessKeyId.NotFound", status: 404 },
    expired: { code: "IllegalTimestamp", status: 400 },
    "bad-signature": { code: "IncompleteSignature", status: 400 },
    throttled: { code: "Rejected.Throttling", status: 429, source: "reference/provider-facts.md §2 (KMS)" },
    "unknown-version": { code: "NoSuchVersion", status: 400, source: "seeds/004 common error codes" },
    "unknown-action": { code: "UnsupportedOperation", status: 400, source: "seeds/004 common error codes" },
    "missing-parameter": { code: "MissingParameter", status: 400 },
    "unknown-parameter": { code: "InvalidParameter", status: 400 },
    "invalid-parameter": { code: "InvalidParameter", status: 400 },
    "malformed-body": { code: "ParseRequestParameterException", status: 400 },
    "unknown-region": { code: "ResourceNotAvailable", status: 400, source: "seeds/004 common error codes" },
    "dry-run": { code: "InvalidParameter", status: 400 },
    "resource-not-found": { code: "Forbidden.KeyNotFound", status: 404 },
    internal: { code: "InternalFailure", status: 500 },
  },
  calls: [
    { action: "DescribeRegions", params: {}, state: "KMS serves regions" },
    {
      action: "Encrypt",
      params: { KeyId: "alias/conformance-test", Plaintext: "conformance" },
      state: "the key alias/conformance-test exists",
      // Ciphertext carries a random IV: two encryptions of the same plaintext differ.
      varying: ["/CiphertextBlob"],
    },
  ],
  probes: [
    {
      name: "bad-signature",
      description: "KMS call signed with a wrong secret",
      base: "DescribeRegions",
      change: PROBE_FAULTS.wrongSecret,
      failure: "bad-signature",
    },
    {
      name: "unknown-key-id",
      description: "KMS call with an unknown AccessKeyId (404 for KMS)",
      base: "DescribeRegions",
      change: unknownKeyId("alibaba"),
      failure: "unknown-key",
    },
    {
      name: "expired-timestamp",
      description: "KMS call with a Timestamp an hour old",
      base: "DescribeRegions",
      change: PROBE_FAULTS.hourOldTimestamp,
      failure: "expired",
    },
    {
      name: "missing-parameter",
      description: "KMS Encrypt without KeyId",
      base: "Encrypt",
      change: { params: { Plaintext: "conformance" } },
      failure: "missing-parameter",
    },
    {
      name: "unsupported-method",
      description: "KMS call with PUT",
      base: "DescribeRegions",
      change: PROBE_FAULTS.putMethod,
      failure: "bad-method",
    },
    {
      name: "throttling",
      description: "KMS calls past the rate limit (429 for KMS)",
      base: "DescribeRegions",
      change: PROBE_FAULTS.pastTheRateLimit,
      failure: "throttled",
    },
  ],
};
