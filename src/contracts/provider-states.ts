import type { CallSpec } from "../live/call-spec.js";

/** What a provider state asks of the request signer (the verifier's request filter). */
export interface StateSigning {
  /** Sign with the configured secret plus this suffix: a wrong secret. */
  secretSuffix?: string;
  /** Use this access key id instead of the configured one: an unknown key. */
  keyId?: string;
  /** Shift the signed timestamp by this many seconds. */
  timestampOffsetSeconds?: number;
  /** The target throttles the request: the sandbox's throttle hook, else its rate limit spent just before. */
  throttled?: boolean;
  /** Create a scaling group first and put its id in the request's ScalingGroupId. */
  createsScalingGroup?: boolean;
}

export const STATES = {
  valid: "requests are signed with valid credentials",
  wrongSecret: "requests are signed with a wrong secret",
  unknownKey: "the access key id is unknown",
  expired: "the request timestamp is an hour old",
  throttled: "requests are throttled",
  scalingGroupExists: "a scaling group exists",
  scalingGroupsListed: "scaling groups exist in cn-hangzhou",
  instancesExist: "instances exist",
  keyExists: "the key alias/conformance-test exists",
  zoneExists: "the zone HKG-A exists",
  regionsServed: "KMS serves regions",
} as const;

/** The unknown key ids the probes use (src/live/probe-catalogue.ts), per dialect. */
export const UNKNOWN_KEY_IDS = {
  tencent: "AKIDUnknownConformanceProbe0000000000",
  alibaba: "LTAI5tUnknownConformance",
  zenlayer: "ZLUNKNOWNCONFORMANCE0000",
} as const;

const SUCCESS_STATES: Record<string, string> = {
  "tencent/cvm/DescribeInstancesStatus": STATES.instancesExist,
  "alibaba/kms/DescribeRegions": STATES.regionsServed,
  "alibaba/kms/Encrypt": STATES.keyExists,
  "alibaba/ess/DescribeScalingGroups": STATES.scalingGroupsListed,
  "alibaba/ess/CreateScalingGroup": STATES.valid,
  "alibaba/ess/DeleteScalingGroup": STATES.scalingGroupExists,
  "zenlayer/bmc/DescribeInstances": STATES.instancesExist,
  "zenlayer/bmc/CreateInstances": STATES.zoneExists,
};

/** The provider state a call needs: its signing fault for a probe, else what the action needs. */
export function stateOf(call: CallSpec): string {
  if (call.repeatUntilThrottled !== undefined) return STATES.throttled;
  if (call.signing?.secretSuffix !== undefined) return STATES.wrongSecret;
  if (call.signing?.keyId !== undefined) return STATES.unknownKey;
  if (call.signing?.timestampOffsetSeconds !== undefined) return STATES.expired;
  if (call.probe) return STATES.valid;
  return SUCCESS_STATES[`${call.dialect}/${call.product}/${call.action}`] ?? STATES.valid;
}

/** What each state asks of the signer; states not listed sign with valid credentials. */
export function signingFor(state: string, dialect: CallSpec["dialect"]): StateSigning {
  switch (state) {
    case STATES.wrongSecret:
      return { secretSuffix: "-wrong" };
    case STATES.unknownKey:
      return { keyId: UNKNOWN_KEY_IDS[dialect] };
    case STATES.expired:
      return { timestampOffsetSeconds: -3600 };
    case STATES.throttled:
      return { throttled: true };
    case STATES.scalingGroupExists:
      return { createsScalingGroup: true };
    default:
      return {};
  }
}

export const ALL_STATES: readonly string[] = Object.values(STATES);
