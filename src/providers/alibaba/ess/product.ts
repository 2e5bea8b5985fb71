import { PROBE_FAULTS, unknownKeyId } from "../../probe-faults.js";
import type { ProductDefinition } from "../../product.js";

/**
 * Alibaba Cloud Auto Scaling (ESS) 2014-08-28 (seed 004). Its failures are the RPC common ones
 * (../failures.ts), which seed 004 documents.
 */
export const product: ProductDefinition = {
  dialect: "alibaba",
  id: "ess",
  title: "Auto Scaling (ESS)",
  version: "2014-08-28",
  sources: ["seeds/004_57eaa02211ab66b6.txt"],
  service: "ess",
  regions: ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"],
  callRegion: "cn-hangzhou",
  requestIdCase: "upper",
  endpoint: () => "ess.aliyuncs.com",
  failureSource: "seeds/004 common error codes",
  calls: [
    {
      action: "DescribeScalingGroups",
      params: { PageNumber: "1", PageSize: "10" },
      state: "scaling groups exist in cn-hangzhou",
    },
    {
      action: "CreateScalingGroup",
      params: { MinSize: "0", MaxSize: "1", ScalingGroupName: "conformance-test" },
      formats: ["json"],
    },
    {
      action: "DeleteScalingGroup",
      params: {},
      formats: ["json"],
      uses: { action: "CreateScalingGroup", pointer: "/ScalingGroupId", param: "ScalingGroupId" },
      state: "a scaling group exists",
    },
  ],
  probes: [
    {
      name: "bad-signature-ess",
      description: "ESS call signed with a wrong secret",
      base: "DescribeScalingGroups",
      change: PROBE_FAULTS.wrongSecret,
      failure: "bad-signature",
    },
    {
      name: "unknown-key-id-ess",
      description: "ESS call with an unknown AccessKeyId (400 for ESS)",
      base: "DescribeScalingGroups",
      change: unknownKeyId("alibaba"),
      failure: "unknown-key",
    },
    {
      name: "unknown-action",
      description: "an ESS action that does not exist",
      base: "DescribeScalingGroups",
      change: PROBE_FAULTS.unknownAction,
      failure: "unknown-action",
    },
    {
      name: "unsupported-version",
      description: "Version 1999-01-01",
      base: "DescribeScalingGroups",
      change: PROBE_FAULTS.unsupportedVersion,
      failure: "unknown-version",
    },
    {
      name: "unknown-parameter",
      description: "an ESS parameter the action does not have",
      base: "DescribeScalingGroups",
      change: { params: { PageNumber: "1", PageSize: "10", ConformanceProbe: "x" } },
      failure: "unknown-parameter",
    },
    {
      name: "unknown-region",
      description: "ESS call with RegionId xx-nowhere-1",
      base: "DescribeScalingGroups",
      change: PROBE_FAULTS.unknownRegion,
      failure: "unknown-region",
    },
    {
      name: "throttling-ess",
      description: "ESS calls past the rate limit (400 for ESS)",
      base: "DescribeScalingGroups",
      change: PROBE_FAULTS.pastTheRateLimit,
      failure: "throttled",
    },
  ],
};
