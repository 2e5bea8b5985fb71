import { PROBE_FAULTS, unknownKeyId } from "../../probe-faults.js";
import type { ProductDefinition } from "../../product.js";

/**
 * Alibaba Cloud Elastic Compute Service (ECS) 2014-05-26. Its failures are the RPC common ones
 * (../failures.ts; schemas/code-tables/alibaba-ecs.json); its XML roots the RPC defaults, {Action}Response
 * and Error; its request IDs upper-case UUIDs (provider-facts.md §3).
 */
export const product: ProductDefinition = {
  dialect: "alibaba",
  id: "ecs",
  title: "Elastic Compute Service (ECS)",
  version: "2014-05-26",
  sources: [
    "reference/provider-facts.md §2",
    "reference/provider-facts.md §3",
    "seeds/004_57eaa02211ab66b6.txt",
  ],
  service: "ecs",
  regions: ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"],
  callRegion: "cn-hangzhou",
  requestIdCase: "upper",
  // The HostId of ECS's own error example.
  endpoint: () => "ecs.aliyuncs.com",
  failureSource: "seeds/004 common error codes",
  calls: [
    { action: "DescribeRegions", params: {}, state: "ECS serves regions" },
    { action: "DescribeInstances", params: { PageNumber: "1", PageSize: "10" }, state: "instances exist" },
  ],
  probes: [
    {
      name: "bad-signature-ecs",
      description: "ECS call signed with a wrong secret",
      base: "DescribeInstances",
      change: PROBE_FAULTS.wrongSecret,
      failure: "bad-signature",
    },
    {
      name: "unknown-key-id-ecs",
      description: "ECS call with an unknown AccessKeyId (400 for ECS)",
      base: "DescribeInstances",
      change: unknownKeyId("alibaba"),
      failure: "unknown-key",
    },
    {
      name: "missing-parameter-ecs",
      description: "ECS DescribeInstances without RegionId",
      base: "DescribeInstances",
      change: { region: null },
      failure: "missing-parameter",
    },
    {
      name: "unknown-region-ecs",
      description: "ECS call with RegionId xx-nowhere-1",
      base: "DescribeInstances",
      change: PROBE_FAULTS.unknownRegion,
      failure: "unknown-region",
    },
    {
      name: "throttling-ecs",
      description: "ECS calls past the rate limit (400 for ECS)",
      base: "DescribeInstances",
      change: PROBE_FAULTS.pastTheRateLimit,
      failure: "throttled",
    },
  ],
};
