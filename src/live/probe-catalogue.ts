import type { Dialect } from "../providers/dialect.js";
import { actionCall } from "./action-calls.js";
import type { CallSpec, ProbeExpectation } from "./call-spec.js";

const SEED_000 =
  "seeds/000 (4xx: illegal parameters or operation not allowed); Zenlayer publishes no code for it";
const TENCENT = "seeds/001, 003 common error codes; HTTP 200 per provider-facts §1";
const KMS = "seeds/002 public error codes";
const ESS = "seeds/004 common error codes";

interface ProbeDefinition {
  name: string;
  dialect: Dialect;
  description: string;
  base: string;
  change: Partial<CallSpec>;
  expected: ProbeExpectation;
}

const tencent = (code: string) => ({ code, status: 200, source: TENCENT }) as const;

/**
 * Deliberately bad requests and the documented error each must draw (judged by probe-expected-code).
 * Where a provider documents a case for one product only, the probe uses that product.
 */
const DEFINITIONS: ProbeDefinition[] = [
  // Tencent Cloud API 3.0: every error with HTTP 200.
  {
    name: "bad-signature",
    dialect: "tencent",
    description: "signed with a wrong secret key",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { signing: { secretSuffix: "-wrong" } },
    expected: tencent("AuthFailure.SignatureFailure"),
  },
  {
    name: "unknown-key-id",
    dialect: "tencent",
    description: "a SecretId the target does not know",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { signing: { keyId: "AKIDUnknownConformanceProbe0000000000" } },
    expected: tencent("AuthFailure.SecretIdNotFound"),
  },
  {
    name: "expired-timestamp",
    dialect: "tencent",
    description: "X-TC-Timestamp an hour old",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { signing: { timestampOffsetSeconds: -3600 } },
    expected: tencent("AuthFailure.SignatureExpire"),
  },
  {
    name: "unknown-action",
    dialect: "tencent",
    description: "an action that does not exist",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { action: "DescribeConformanceProbe" },
    expected: tencent("InvalidAction"),
  },
  {
    name: "unsupported-version",
    dialect: "tencent",
    description: "X-TC-Version 1999-01-01",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { version: "1999-01-01" },
    expected: tencent("NoSuchVersion"),
  },
  {
    name: "missing-parameter",
    dialect: "tencent",
    description: "no X-TC-Region",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { region: null },
    expected: tencent("MissingParameter"),
  },
  {
    name: "unknown-parameter",
    dialect: "tencent",
    description: "a body member the action does not have",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { params: { Limit: 20, ConformanceProbe: "x" } },
    expected: tencent("UnknownParameter"),
  },
  {
    name: "unsupported-method",
    dialect: "tencent",
    description: "PUT instead of GET or POST",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { method: "PUT" },
    expected: tencent("UnsupportedProtocol"),
  },
  {
    name: "unknown-region",
    dialect: "tencent",
    description: "X-TC-Region xx-nowhere-1",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { region: "xx-nowhere-1" },
    expected: tencent("UnsupportedRegion"),
  },
  {
    name: "dry-run",
    dialect: "tencent",
    description: "DryRun: true",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { params: { Limit: 20, DryRun: true } },
    expected: tencent("DryRunOperation"),
  },
  {
    name: "throttling",
    dialect: "tencent",
    description: "calls past the rate limit",
    base: "tencent/cvm/DescribeInstancesStatus",
    change: { repeatUntilThrottled: 200 },
    expected: tencent("RequestLimitExceeded"),
  },

  // Alibaba RPC: KMS (seed 002) and ESS (seed 004) tables.
  {
    name: "bad-signature",
    dialect: "alibaba",
    description: "KMS call signed with a wrong secret",
    base: "alibaba/kms/DescribeRegions",
    change: { signing: { secretSuffix: "-wrong" } },
    expected: { code: "IncompleteSignature", status: 400, source: KMS },
  },
  {
    name: "bad-signature-ess",
    dialect: "alibaba",
    description: "ESS call signed with a wrong secret",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { signing: { secretSuffix: "-wrong" } },
    expected: { code: "SignatureDoesNotMatch", status: 403, source: ESS },
  },
  {
    name: "unknown-key-id",
    dialect: "alibaba",
    description: "KMS call with an unknown AccessKeyId (404 for KMS)",
    base: "alibaba/kms/DescribeRegions",
    change: { signing: { keyId: "LTAI5tUnknownConformance" } },
    expected: { code: "InvalidAccessKeyId.NotFound", status: 404, source: KMS },
  },
  {
    name: "unknown-key-id-ess",
    dialect: "alibaba",
    description: "ESS call with an unknown AccessKeyId (400 for ESS)",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { signing: { keyId: "LTAI5tUnknownConformance" } },
    expected: { code: "InvalidAccessKeyId.NotFound", status: 400, source: ESS },
  },
  {
    name: "expired-timestamp",
    dialect: "alibaba",
    description: "KMS call with a Timestamp an hour old",
    base: "alibaba/kms/DescribeRegions",
    change: { signing: { timestampOffsetSeconds: -3600 } },
    expected: { code: "IllegalTimestamp", status: 400, source: KMS },
  },
  {
    name: "unknown-action",
    dialect: "alibaba",
    description: "an ESS action that does not exist",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { action: "DescribeConformanceProbe" },
    expected: { code: "UnsupportedOperation", status: 400, source: ESS },
  },
  {
    name: "unsupported-version",
    dialect: "alibaba",
    description: "Version 1999-01-01",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { version: "1999-01-01" },
    expected: { code: "NoSuchVersion", status: 400, source: ESS },
  },
  {
    name: "missing-parameter",
    dialect: "alibaba",
    description: "KMS Encrypt without KeyId",
    base: "alibaba/kms/Encrypt",
    change: { params: { Plaintext: "conformance" } },
    expected: { code: "MissingParameter", status: 400, source: KMS },
  },
  {
    name: "unknown-parameter",
    dialect: "alibaba",
    description: "an ESS parameter the action does not have",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { params: { PageNumber: "1", PageSize: "10", ConformanceProbe: "x" } },
    expected: { code: "InvalidParameter", status: 400, source: ESS },
  },
  {
    name: "unsupported-method",
    dialect: "alibaba",
    description: "KMS call with PUT",
    base: "alibaba/kms/DescribeRegions",
    change: { method: "PUT" },
    expected: { code: "UnsupportedHTTPMethod", status: 403, source: KMS },
  },
  {
    name: "unknown-region",
    dialect: "alibaba",
    description: "ESS call with RegionId xx-nowhere-1",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { region: "xx-nowhere-1" },
    expected: { code: "ResourceNotAvailable", status: 400, source: ESS },
  },
  {
    name: "throttling",
    dialect: "alibaba",
    description: "KMS calls past the rate limit (429 for KMS)",
    base: "alibaba/kms/DescribeRegions",
    change: { repeatUntilThrottled: 200 },
    expected: { code: "Rejected.Throttling", status: 429, source: "reference/provider-facts.md §2 (KMS)" },
  },
  {
    name: "throttling-ess",
    dialect: "alibaba",
    description: "ESS calls past the rate limit (400 for ESS)",
    base: "alibaba/ess/DescribeScalingGroups",
    change: { repeatUntilThrottled: 200 },
    expected: { code: "Throttling", status: 400, source: ESS },
  },

  // Zenlayer: status classes from seed 000; codes only where one is seen on the wire.
  {
    name: "bad-signature",
    dialect: "zenlayer",
    description: "signed with a wrong password",
    base: "zenlayer/bmc/DescribeInstances",
    change: { signing: { secretSuffix: "-wrong" } },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "unknown-key-id",
    dialect: "zenlayer",
    description: "an access key id the target does not know",
    base: "zenlayer/bmc/DescribeInstances",
    change: { signing: { keyId: "ZLUNKNOWNCONFORMANCE0000" } },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "expired-timestamp",
    dialect: "zenlayer",
    description: "X-ZC-Timestamp an hour old",
    base: "zenlayer/bmc/DescribeInstances",
    change: { signing: { timestampOffsetSeconds: -3600 } },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "unknown-action",
    dialect: "zenlayer",
    description: "an action that does not exist",
    base: "zenlayer/bmc/DescribeInstances",
    change: { action: "DescribeConformanceProbe" },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "unsupported-version",
    dialect: "zenlayer",
    description: "X-ZC-Version 1999-01-01",
    base: "zenlayer/bmc/DescribeInstances",
    change: { version: "1999-01-01" },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "missing-parameter",
    dialect: "zenlayer",
    description: "CreateInstances without zoneId",
    base: "zenlayer/bmc/CreateInstances",
    change: { params: { instanceTypeId: "M6C", imageId: "img-conformance" } },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "unknown-parameter",
    dialect: "zenlayer",
    description: "a body member the action does not have",
    base: "zenlayer/bmc/DescribeInstances",
    change: { params: { pageSize: 10, pageNum: 1, conformanceProbe: "x" } },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "unsupported-method",
    dialect: "zenlayer",
    description: "PUT instead of POST",
    base: "zenlayer/bmc/DescribeInstances",
    change: { method: "PUT" },
    expected: { code: null, status: "4xx", source: SEED_000 },
  },
  {
    name: "unknown-zone",
    dialect: "zenlayer",
    description: "CreateInstances in zone SEL--A (seed 000's example)",
    base: "zenlayer/bmc/CreateInstances",
    change: { params: { zoneId: "SEL--A", instanceTypeId: "M6C", imageId: "img-conformance" } },
    expected: { code: "INVALID_ZONE_NOT_FOUND", status: "4xx", source: "seeds/000 failed-request example" },
  },
  {
    name: "throttling",
    dialect: "zenlayer",
    description: "calls past the rate limit",
    base: "zenlayer/bmc/DescribeInstances",
    change: { repeatUntilThrottled: 200 },
    expected: {
      code: "REQUEST_LIMIT_EXCEEDED",
      status: 429,
      source: "reference/provider-facts.md §1 (zenlayercloud-sdk-go: HTTP 429 or REQUEST_LIMIT_EXCEEDED)",
    },
  },
];

export interface ProbeInfo {
  name: string;
  dialect: Dialect;
  description: string;
  expected: ProbeExpectation;
}

export const PROBES: readonly ProbeInfo[] = DEFINITIONS.map(({ name, dialect, description, expected }) => ({
  name,
  dialect,
  description,
  expected,
}));

/** Every probe as a call: its base action call with the probe's change applied. */
export function probeCalls(): CallSpec[] {
  return DEFINITIONS.map((definition) => {
    const base = actionCall(definition.base);
    const { uses: _uses, ...rest } = base;
    return {
      ...rest,
      ...definition.change,
      id: `probe:${definition.dialect}/${definition.name}`,
      probe: { name: definition.name, expected: definition.expected },
    };
  });
}
