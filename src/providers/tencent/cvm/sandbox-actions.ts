import {
  booleanParam,
  integerParam,
  rejectUnknown,
  stringListParam,
} from "../../sandbox-kit/parameter-checks.js";
import type { TencentAction } from "../sandbox/tencent-product-sandbox.js";

/** Instances per region, as DescribeInstancesStatus lists them (ap-beijing has none: an empty answer). */
const CVM_INSTANCES: Record<string, { InstanceId: string; InstanceState: string }[]> = {
  "ap-guangzhou": [
    { InstanceId: "ins-2zvjrq7k", InstanceState: "RUNNING" },
    { InstanceId: "ins-9bxebleo", InstanceState: "STOPPED" },
    { InstanceId: "ins-r8hr2upy", InstanceState: "RUNNING" },
  ],
  "ap-shanghai": [{ InstanceId: "ins-kp3vqy1m", InstanceState: "RUNNING" }],
  "ap-beijing": [],
  "ap-singapore": [
    { InstanceId: "ins-6fd8x2ql", InstanceState: "STOPPED" },
    { InstanceId: "ins-m1c7w0sz", InstanceState: "RUNNING" },
  ],
};

const DESCRIBE_INSTANCES_STATUS_PARAMS = new Set(["InstanceIds", "Offset", "Limit", "DryRun"]);

/** DescribeInstancesStatus: InstanceIds? (at most 100), Offset? (≥ 0), Limit? (1–100, default 20). */
const describeInstancesStatus: TencentAction = {
  check(params, options) {
    rejectUnknown(Object.keys(params), (name) => DESCRIBE_INSTANCES_STATUS_PARAMS.has(name));
    return {
      InstanceIds: stringListParam(params.InstanceIds, "InstanceIds", 100),
      Offset: integerParam(params.Offset, "Offset", { min: 0 }, options) ?? 0,
      Limit: integerParam(params.Limit, "Limit", { min: 1, max: 100 }, options) ?? 20,
      DryRun: booleanParam(params.DryRun, "DryRun", options) ?? false,
    };
  },
  run(checked, region) {
    const ids = checked.InstanceIds as string[] | undefined;
    const all = (CVM_INSTANCES[region] ?? []).filter((i) => ids === undefined || ids.includes(i.InstanceId));
    const offset = checked.Offset as number;
    const limit = checked.Limit as number;
    return {
      TotalCount: all.length,
      InstanceStatusSet: all.slice(offset, offset + limit).map((i) => ({ ...i })),
    };
  },
};

export const CVM_ACTIONS: Record<string, TencentAction> = {
  DescribeInstancesStatus: describeInstancesStatus,
};
