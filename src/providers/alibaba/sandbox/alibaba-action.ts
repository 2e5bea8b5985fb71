import { stringParam } from "../../sandbox-kit/parameter-checks.js";
import type { ActionContext } from "../../sandbox-kit/product-sandbox.js";

/** An action's parameters: everything but the common ones (signature, Action, Version, Format…). */
export type ActionParams = ReadonlyMap<string, string>;

/** A call whose parameters passed: its region (checked next) and the work to do. */
export interface CheckedCall {
  regionId: string | undefined;
  run(): Record<string, unknown>;
}

export interface AlibabaAction<State = unknown> {
  /** Refuses unknown, missing and ill-typed parameters (Refusal); the region is checked after. */
  check(params: ActionParams, context: ActionContext<State>): CheckedCall;
}

/**
 * Parameters every RPC call may carry besides its action's (Alibaba's common request parameters, and
 * the owner parameters many RPC APIs accept).
 */
export const COMMON_RPC_PARAMETERS = new Set([
  "Action",
  "Version",
  "Format",
  "AccessKeyId",
  "Signature",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "SignatureType",
  "Timestamp",
  "SecurityToken",
  "BearerToken",
  "OwnerId",
  "OwnerAccount",
  "ResourceOwnerId",
  "ResourceOwnerAccount",
]);

/** The owner parameters of COMMON_RPC_PARAMETERS: described (typed) by the SDK models of many actions. */
export const OWNER_PARAMETERS: ReadonlySet<string> = new Set([
  "OwnerId",
  "OwnerAccount",
  "ResourceOwnerId",
  "ResourceOwnerAccount",
]);

/** Whether `name` is one of `names` or matches `NAME.N` for a listed repeatable name (N from 1 to max). */
export function knownName(
  name: string,
  names: ReadonlySet<string>,
  repeated: Record<string, number> = {},
): boolean {
  if (names.has(name)) return true;
  const match = /^(.+)\.(\d+)(\..+)?$/.exec(name);
  if (!match) return false;
  const max = repeated[`${match[1]}${match[3] ?? ""}`];
  const n = Number(match[2]);
  return max !== undefined && n >= 1 && n <= max;
}

/** AcceptLanguage, where an action takes it (KMS and ECS DescribeRegions): zh-CN, en-US or ja. */
export function checkAcceptLanguage(params: ActionParams): void {
  stringParam(params.get("AcceptLanguage"), "AcceptLanguage", {
    pattern: /^(zh-CN|en-US|ja)$/,
    what: "zh-CN, en-US or ja",
  });
}
