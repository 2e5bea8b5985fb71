import {
  booleanParam,
  integerParam,
  rejectUnknown,
  requirePresent,
  stringParam,
} from "../../sandbox-kit/parameter-checks.js";
import { Refusal } from "../../sandbox-kit/refusal.js";
import { type ActionParams, type AlibabaAction, knownName } from "../sandbox/alibaba-action.js";
import type { ScalingGroup, ScalingGroupStore } from "./scaling-group-store.js";

const TEXT = { fromText: true };
const GROUP_NAME = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9_.\-\u4e00-\u9fa5]{1,63}$/;
const GROUP_ID = /^asg-[a-z0-9]{6,40}$/;

/** ScalingGroupIds / ScalingGroupNames: a JSON array of strings. */
function jsonStringList(value: string | undefined, parameter: string): string[] | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length > 20 || !parsed.every((v) => typeof v === "string")) {
    throw new Refusal("invalid-parameter", {
      parameter,
      reason: "expected a JSON array of at most 20 strings",
    });
  }
  return parsed as string[];
}

/** Values of NAME.1 … NAME.max, in order of N. */
function repeated(params: ActionParams, name: string, max: number): string[] {
  const values: string[] = [];
  for (let n = 1; n <= max; n++) {
    const value = params.get(`${name}.${n}`);
    if (value !== undefined) values.push(value);
  }
  return values;
}

const DESCRIBE_PARAMS = new Set([
  "RegionId",
  "PageNumber",
  "PageSize",
  "ScalingGroupIds",
  "ScalingGroupName",
  "ScalingGroupNames",
  "GroupType",
  "ResourceGroupId",
]);

/** DescribeScalingGroups: RegionId required; PageNumber ≥ 1 (1), PageSize 1–50 (10); filters by ID and name. */
const describeScalingGroups: AlibabaAction<ScalingGroupStore> = {
  check(params, context) {
    rejectUnknown(params.keys(), (name) =>
      knownName(name, DESCRIBE_PARAMS, { ScalingGroupId: 20, ScalingGroupName: 20 }),
    );
    const regionId = requirePresent(params.get("RegionId"), "RegionId");
    const pageNumber = integerParam(params.get("PageNumber"), "PageNumber", { min: 1 }, TEXT) ?? 1;
    const pageSize = integerParam(params.get("PageSize"), "PageSize", { min: 1, max: 50 }, TEXT) ?? 10;
    const ids = [
      ...repeated(params, "ScalingGroupId", 20),
      ...(jsonStringList(params.get("ScalingGroupIds"), "ScalingGroupIds") ?? []),
    ];
    const names = [
      ...repeated(params, "ScalingGroupName", 20),
      ...(params.get("ScalingGroupName") === undefined ? [] : [params.get("ScalingGroupName") as string]),
      ...(jsonStringList(params.get("ScalingGroupNames"), "ScalingGroupNames") ?? []),
    ];
    stringParam(params.get("GroupType"), "GroupType", { pattern: /^(ECS|ECI)$/, what: "ECS or ECI" });
    return {
      regionId,
      run() {
        const groups = context.state
          .list(regionId)
          .filter((g) => ids.length === 0 || ids.includes(g.ScalingGroupId))
          .filter((g) => names.length === 0 || names.includes(g.ScalingGroupName));
        const page = groups.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
        return {
          TotalCount: groups.length,
          PageNumber: pageNumber,
          PageSize: pageSize,
          ScalingGroups: { ScalingGroup: page.map((g) => ({ ...g })) },
        };
      },
    };
  },
};

const CREATE_PARAMS = new Set([
  "RegionId",
  "MinSize",
  "MaxSize",
  "DesiredCapacity",
  "ScalingGroupName",
  "DefaultCooldown",
  "VSwitchId",
  "ClientToken",
  "MultiAZPolicy",
  "HealthCheckType",
  "LaunchTemplateId",
  "LaunchTemplateVersion",
  "InstanceId",
  "GroupType",
  "ResourceGroupId",
  "LoadBalancerIds",
  "DBInstanceIds",
]);

/** The calls's parameters in a fixed order: what makes two CreateScalingGroup calls "the same". */
function idempotencyKey(params: ActionParams): string {
  const token = params.get("ClientToken");
  if (token !== undefined) return `${params.get("RegionId")}|ClientToken=${token}`;
  return [...params.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

function minuteTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}

/**
 * CreateScalingGroup: RegionId, MinSize and MaxSize (0–2000, MinSize ≤ MaxSize) required; the new group
 * is Inactive until a scaling configuration is enabled, as on the real service.
 */
const createScalingGroup: AlibabaAction<ScalingGroupStore> = {
  check(params, context) {
    rejectUnknown(params.keys(), (name) =>
      knownName(name, CREATE_PARAMS, { VSwitchIds: 8, RemovalPolicy: 2, "Tag.Key": 20, "Tag.Value": 20 }),
    );
    const regionId = requirePresent(params.get("RegionId"), "RegionId");
    const minSize = requirePresent(
      integerParam(params.get("MinSize"), "MinSize", { min: 0, max: 2000 }, TEXT),
      "MinSize",
    );
    const maxSize = requirePresent(
      integerParam(params.get("MaxSize"), "MaxSize", { min: 0, max: 2000 }, TEXT),
      "MaxSize",
    );
    if (minSize > maxSize) {
      throw new Refusal("invalid-parameter", {
        parameter: "MinSize",
        reason: `MinSize ${minSize} exceeds MaxSize ${maxSize}`,
      });
    }
    const desired = integerParam(
      params.get("DesiredCapacity"),
      "DesiredCapacity",
      { min: minSize, max: maxSize },
      TEXT,
    );
    const cooldown =
      integerParam(params.get("DefaultCooldown"), "DefaultCooldown", { min: 0, max: 86400 }, TEXT) ?? 300;
    const name = stringParam(params.get("ScalingGroupName"), "ScalingGroupName", {
      pattern: GROUP_NAME,
      what: "2 to 64 letters, digits, underscores, hyphens or periods, starting with a letter or digit",
    });
    stringParam(params.get("MultiAZPolicy"), "MultiAZPolicy", {
      pattern: /^(PRIORITY|COST_OPTIMIZED|BALANCE|COMPOSABLE)$/,
      what: "PRIORITY, COST_OPTIMIZED, BALANCE or COMPOSABLE",
    });
    stringParam(params.get("HealthCheckType"), "HealthCheckType", {
      pattern: /^(ECS|NONE|LOAD_BALANCER)$/,
      what: "ECS, NONE or LOAD_BALANCER",
    });
    stringParam(params.get("GroupType"), "GroupType", { pattern: /^(ECS|ECI)$/, what: "ECS or ECI" });
    const vSwitchId = params.get("VSwitchId") ?? params.get("VSwitchIds.1");
    return {
      regionId,
      run() {
        const key = idempotencyKey(params);
        const group: Omit<ScalingGroup, "ScalingGroupId"> = {
          ScalingGroupName: name ?? "",
          RegionId: regionId,
          LifecycleState: "Inactive",
          MinSize: minSize,
          MaxSize: maxSize,
          ...(desired === undefined ? {} : { DesiredCapacity: desired }),
          DefaultCooldown: cooldown,
          ActiveCapacity: 0,
          PendingCapacity: 0,
          RemovingCapacity: 0,
          TotalCapacity: 0,
          CreationTime: minuteTimestamp(context.services.nowMs()),
          ...(vSwitchId === undefined ? {} : { VSwitchId: vSwitchId }),
        };
        return { ScalingGroupId: context.state.create(key, group) };
      },
    };
  },
};

const DELETE_PARAMS = new Set(["RegionId", "ScalingGroupId", "ForceDelete"]);

/** DeleteScalingGroup: ScalingGroupId required; a group the sandbox never had is InvalidParameter (400). */
const deleteScalingGroup: AlibabaAction<ScalingGroupStore> = {
  check(params, context) {
    rejectUnknown(params.keys(), (name) => knownName(name, DELETE_PARAMS));
    const id = requirePresent(params.get("ScalingGroupId"), "ScalingGroupId");
    booleanParam(params.get("ForceDelete"), "ForceDelete", TEXT);
    const regionId = params.get("RegionId");
    return {
      regionId,
      run() {
        if (!GROUP_ID.test(id) || !context.state.delete(id, regionId)) {
          throw new Refusal("resource-not-found", {
            parameter: "ScalingGroupId",
            reason: `the scaling group ${JSON.stringify(id)} does not exist${regionId ? ` in ${regionId}` : ""}`,
          });
        }
        return {};
      },
    };
  },
};

export const ESS_ACTIONS: Record<string, AlibabaAction<ScalingGroupStore>> = {
  DescribeScalingGroups: describeScalingGroups,
  CreateScalingGroup: createScalingGroup,
  DeleteScalingGroup: deleteScalingGroup,
};
