import { createHash } from "node:crypto";

/** A scaling group as DescribeScalingGroups lists it (ScalingGroupItemType). */
export interface ScalingGroup {
  ScalingGroupId: string;
  ScalingGroupName: string;
  RegionId: string;
  LifecycleState: "Active" | "Inactive" | "Deleting";
  MinSize: number;
  MaxSize: number;
  DesiredCapacity?: number;
  DefaultCooldown: number;
  ActiveCapacity: number;
  PendingCapacity: number;
  RemovingCapacity: number;
  TotalCapacity: number;
  CreationTime: string;
  VSwitchId?: string;
  VpcId?: string;
}

/** The groups every sandbox starts with (IDs shaped like real ones: the region's prefix, 20 characters). */
const FIXTURE_GROUPS: ScalingGroup[] = [
  {
    ScalingGroupId: "asg-bp18p2yfxow2dloq9r3a",
    ScalingGroupName: "web",
    RegionId: "cn-hangzhou",
    LifecycleState: "Active",
    MinSize: 1,
    MaxSize: 4,
    DefaultCooldown: 300,
    ActiveCapacity: 1,
    PendingCapacity: 0,
    RemovingCapacity: 0,
    TotalCapacity: 1,
    CreationTime: "2024-05-20T08:00Z",
    VSwitchId: "vsw-bp1f8u1w3e2x7y9k5m0n4",
    VpcId: "vpc-bp1q8i4e2m6z9t7r3y5u1",
  },
  {
    ScalingGroupId: "asg-bp1igpak5ft1flyp2kxd",
    ScalingGroupName: "batch",
    RegionId: "cn-hangzhou",
    LifecycleState: "Inactive",
    MinSize: 0,
    MaxSize: 8,
    DefaultCooldown: 600,
    ActiveCapacity: 0,
    PendingCapacity: 0,
    RemovingCapacity: 0,
    TotalCapacity: 0,
    CreationTime: "2024-06-02T13:30Z",
  },
  {
    ScalingGroupId: "asg-uf6d0vc2n9mw3xq7e1hb",
    ScalingGroupName: "api",
    RegionId: "cn-shanghai",
    LifecycleState: "Active",
    MinSize: 2,
    MaxSize: 10,
    DefaultCooldown: 300,
    ActiveCapacity: 2,
    PendingCapacity: 0,
    RemovingCapacity: 0,
    TotalCapacity: 2,
    CreationTime: "2024-07-11T02:15Z",
  },
];

const REGION_PREFIX: Record<string, string> = {
  "cn-hangzhou": "bp",
  "cn-shanghai": "uf",
  "cn-beijing": "2ze",
  "ap-southeast-1": "t4n",
};

/** Lower-case letters and digits derived from `key`, `length` of them. */
function idChars(key: string, length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = createHash("sha256").update(key, "utf8").digest();
  return Array.from(bytes.subarray(0, length), (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * The scaling groups of one sandbox: the fixtures, plus those created, minus those deleted. Creation is
 * idempotent on the call's parameters (or its ClientToken): the same CreateScalingGroup answers the same
 * ScalingGroupId and creates one group, so the JSON and XML answers to one call agree. Deleting a group
 * the sandbox knew succeeds again (the same DeleteScalingGroup sent as JSON and as XML both succeed).
 */
export class ScalingGroupStore {
  private readonly groups = new Map<string, ScalingGroup>();
  private readonly deleted = new Set<string>();

  constructor() {
    for (const group of FIXTURE_GROUPS) this.groups.set(group.ScalingGroupId, { ...group });
  }

  /** Groups in `regionId`, oldest first. */
  list(regionId: string): ScalingGroup[] {
    return [...this.groups.values()].filter((g) => g.RegionId === regionId);
  }

  /** Creates the group (named after its ID when it has no name) unless this call created it already. */
  create(idempotencyKey: string, group: Omit<ScalingGroup, "ScalingGroupId">): string {
    const prefix = REGION_PREFIX[group.RegionId] ?? "";
    const id = `asg-${prefix}${idChars(idempotencyKey, 20 - prefix.length)}`;
    if (!this.groups.has(id)) {
      this.groups.set(id, { ScalingGroupId: id, ...group, ScalingGroupName: group.ScalingGroupName || id });
      this.deleted.delete(id);
    }
    return id;
  }

  /** True when the group existed (or was already deleted); false when the sandbox never knew it. */
  delete(id: string, regionId: string | undefined): boolean {
    const group = this.groups.get(id);
    if (group && (regionId === undefined || group.RegionId === regionId)) {
      this.groups.delete(id);
      this.deleted.add(id);
      return true;
    }
    return this.deleted.has(id);
  }
}
