import { PROBE_FAULTS, unknownKeyId } from "../../probe-faults.js";
import type { ProductDefinition } from "../../product.js";

/** Zenlayer Bare Metal Cloud 2022-11-20 (seed 000; the official Go SDK's bmc20221120). */
export const product: ProductDefinition = {
  dialect: "zenlayer",
  id: "bmc",
  title: "Bare Metal Cloud (BMC)",
  version: "2022-11-20",
  sources: ["seeds/000_cb41bbe9a103a19e.txt", "corpus/zenlayercloud-sdk-go/zenlayercloud/bmc20221120"],
  service: "bmc",
  regions: ["HKG-A", "SEL-A", "FRA-A", "LAX-A"],
  callRegion: null,
  requestIdCase: "upper",
  failureSource:
    "seeds/000 (4xx: illegal parameters or operation not allowed); Zenlayer publishes no code for it",
  calls: [
    { action: "DescribeInstances", params: { pageSize: 10, pageNum: 1 }, state: "instances exist" },
    {
      action: "CreateInstances",
      params: {
        zoneId: "HKG-A",
        instanceTypeId: "M6C",
        imageId: "img-conformance",
        instanceName: "conformance-test",
      },
      state: "the zone HKG-A exists",
    },
  ],
  probes: [
    {
      name: "bad-signature",
      description: "signed with a wrong password",
      base: "DescribeInstances",
      change: PROBE_FAULTS.wrongSecret,
      failure: "bad-signature",
    },
    {
      name: "unknown-key-id",
      description: "an access key id the target does not know",
      base: "DescribeInstances",
      change: unknownKeyId("zenlayer"),
      failure: "unknown-key",
    },
    {
      name: "expired-timestamp",
      description: "X-ZC-Timestamp an hour old",
      base: "DescribeInstances",
      change: PROBE_FAULTS.hourOldTimestamp,
      failure: "expired",
    },
    {
      name: "unknown-action",
      description: "an action that does not exist",
      base: "DescribeInstances",
      change: PROBE_FAULTS.unknownAction,
      failure: "unknown-action",
    },
    {
      name: "unsupported-version",
      description: "X-ZC-Version 1999-01-01",
      base: "DescribeInstances",
      change: PROBE_FAULTS.unsupportedVersion,
      failure: "unknown-version",
    },
    {
      name: "missing-parameter",
      description: "CreateInstances without zoneId",
      base: "CreateInstances",
      change: { params: { instanceTypeId: "M6C", imageId: "img-conformance" } },
      failure: "missing-parameter",
    },
    {
      name: "unknown-parameter",
      description: "a body member the action does not have",
      base: "DescribeInstances",
      change: { params: { pageSize: 10, pageNum: 1, conformanceProbe: "x" } },
      failure: "unknown-parameter",
    },
    {
      name: "unsupported-method",
      description: "PUT instead of POST",
      base: "DescribeInstances",
      change: PROBE_FAULTS.putMethod,
      failure: "bad-method",
    },
    {
      name: "unknown-zone",
      description: "CreateInstances in zone SEL--A (seed 000's example)",
      base: "CreateInstances",
      change: { params: { zoneId: "SEL--A", instanceTypeId: "M6C", imageId: "img-conformance" } },
      failure: "unknown-region",
    },
    {
      name: "throttling",
      description: "calls past the rate limit",
      base: "DescribeInstances",
      change: PROBE_FAULTS.pastTheRateLimit,
      failure: "throttled",
    },
  ],
};
