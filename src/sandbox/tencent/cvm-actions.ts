import {
  booleanParam,
  integerParam,
  rejectUnknown,
  stringListParam,
  type ValueOptions,
} from "../parameter-checks.js";
import { Refusal } from "../refusal.js";

/** CVM 2017-03-12, the one Tencent product the sandbox serves. */
export const CVM_VERSION = "2017-03-12";
export const CVM_REGIONS = ["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore"] as const;

/** Instances per region, as DescribeInstancesStatus lists them (ap-beijing has none: an empty answer). */
export const CVM_INSTANCES: Record<string, { InstanceId: string; InstanceState: string }[]> = {
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

export interface TencentAction {
  /** Checks the action's parameters (unknown, missing, wrong type); returns them checked. */
  check(params: Record<string, unknown>, options: ValueOptions): Record<string, unknown>;
  run(checked: Record<string, unknown>, region: string): Record<string, unknown>;
}

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

export function cvmAction(name: string): TencentAction {
  const action = Object.hasOwn(CVM_ACTIONS, name) ? CVM_ACTIONS[name] : undefined;
  if (!action) throw new Refusal("unknown-action", { value: name });
  return action;
}
