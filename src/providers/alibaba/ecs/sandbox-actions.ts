import { createHash } from "node:crypto";
import {
  integerParam,
  rejectUnknown,
  requirePresent,
  stringParam,
} from "../../sandbox-kit/parameter-checks.js";
import { Refusal } from "../../sandbox-kit/refusal.js";
import { type AlibabaAction, checkAcceptLanguage, knownName } from "../sandbox/alibaba-action.js";

const TEXT = { fromText: true };

const REGION_NAMES: Record<string, string> = {
  "cn-hangzhou": "China (Hangzhou)",
  "cn-shanghai": "China (Shanghai)",
  "cn-beijing": "China (Beijing)",
  "ap-southeast-1": "Singapore",
};

const DESCRIBE_REGIONS_PARAMS = new Set(["RegionId", "AcceptLanguage", "InstanceChargeType", "ResourceType"]);

/** DescribeRegions: every region the product serves, with its endpoint. */
const describeRegions: AlibabaAction = {
  check(params, context) {
    rejectUnknown(params.keys(), (name) => knownName(name, DESCRIBE_REGIONS_PARAMS));
    checkAcceptLanguage(params);
    stringParam(params.get("InstanceChargeType"), "InstanceChargeType", {
      pattern: /^(PrePaid|PostPaid|SpotWithPriceLimit|SpotAsPriceGo)$/,
      what: "PrePaid, PostPaid, SpotWithPriceLimit or SpotAsPriceGo",
    });
    return {
      regionId: params.get("RegionId"),
      run: () => ({
        Regions: {
          Region: context.product.regions.map((RegionId) => ({
            RegionId,
            LocalName: REGION_NAMES[RegionId] ?? RegionId,
            RegionEndpoint: `ecs.${RegionId}.aliyuncs.com`,
            Status: "available",
          })),
        },
      }),
    };
  },
};

/** Two instances in every served region but cn-beijing (an empty answer), derived from the region. */
function instancesIn(regionId: string): Record<string, unknown>[] {
  if (regionId === "cn-beijing") return [];
  return [1, 2].map((n) => {
    const hex = createHash("sha256").update(`${regionId}/${n}`).digest("hex");
    return {
      InstanceId: `i-${hex.slice(0, 20)}`,
      InstanceName: `conformance-${n}`,
      RegionId: regionId,
      ZoneId: `${regionId}-${n === 1 ? "a" : "b"}`,
      InstanceType: n === 1 ? "ecs.g6.large" : "ecs.c6.xlarge",
      InstanceTypeFamily: n === 1 ? "ecs.g6" : "ecs.c6",
      Cpu: n === 1 ? 2 : 4,
      Memory: 8192,
      Status: n === 1 ? "Running" : "Stopped",
      OSType: "linux",
      ImageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
      InstanceNetworkType: "vpc",
      InstanceChargeType: "PostPaid",
      CreationTime: "2026-11-01T08:00Z",
      VpcAttributes: {
        VpcId: `vpc-${hex.slice(20, 36)}`,
        VSwitchId: `vsw-${hex.slice(36, 52)}`,
        PrivateIpAddress: { IpAddress: [`172.16.0.${10 + n}`] },
      },
    };
  });
}

const DESCRIBE_INSTANCES_PARAMS = new Set([
  "RegionId",
  "PageNumber",
  "PageSize",
  "InstanceIds",
  "Status",
  "ZoneId",
  "InstanceName",
  "VpcId",
  "ResourceGroupId",
  "DryRun",
]);

/** InstanceIds: a JSON array of at most 100 strings. */
function instanceIds(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length > 100 || !parsed.every((v) => typeof v === "string")) {
    throw new Refusal("invalid-parameter", {
      parameter: "InstanceIds",
      reason: "expected a JSON array of at most 100 strings",
    });
  }
  return parsed as string[];
}

/** DescribeInstances: RegionId required; PageNumber ≥ 1 (1), PageSize 1–100 (10); filters by ID and status. */
const describeInstances: AlibabaAction = {
  check(params) {
    rejectUnknown(params.keys(), (name) => knownName(name, DESCRIBE_INSTANCES_PARAMS, { "Tag.Key": 20 }));
    const regionId = requirePresent(params.get("RegionId"), "RegionId");
    const pageNumber = integerParam(params.get("PageNumber"), "PageNumber", { min: 1 }, TEXT) ?? 1;
    const pageSize = integerParam(params.get("PageSize"), "PageSize", { min: 1, max: 100 }, TEXT) ?? 10;
    const ids = instanceIds(params.get("InstanceIds"));
    const status = stringParam(params.get("Status"), "Status", {
      pattern: /^(Pending|Running|Starting|Stopping|Stopped)$/,
      what: "Pending, Running, Starting, Stopping or Stopped",
    });
    if (params.get("DryRun") === "true") throw new Refusal("dry-run", { parameter: "DryRun" });
    return {
      regionId,
      run() {
        const all = instancesIn(regionId)
          .filter((i) => ids === undefined || ids.includes(i.InstanceId as string))
          .filter((i) => status === undefined || i.Status === status);
        return {
          TotalCount: all.length,
          PageNumber: pageNumber,
          PageSize: pageSize,
          Instances: { Instance: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) },
        };
      },
    };
  },
};

export const ECS_ACTIONS: Record<string, AlibabaAction> = {
  DescribeRegions: describeRegions,
  DescribeInstances: describeInstances,
};
