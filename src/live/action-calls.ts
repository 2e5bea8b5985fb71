import type { Dialect } from "../providers/dialect.js";
import type { CallSpec } from "./call-spec.js";

export const VERSIONS = {
  tencent: { cvm: "2017-03-12" },
  alibaba: { kms: "2016-01-20", ess: "2014-08-28" },
  zenlayer: { bmc: "2022-11-20" },
} as const satisfies Record<Dialect, Record<string, string>>;

const tencent = (action: string, params: Record<string, unknown>): CallSpec => ({
  id: `tencent/cvm/${action}`,
  dialect: "tencent",
  product: "cvm",
  action,
  version: VERSIONS.tencent.cvm,
  format: "json",
  params,
  region: "ap-guangzhou",
});

const alibaba = (
  product: "kms" | "ess",
  action: string,
  params: Record<string, string>,
  format: "json" | "xml",
): CallSpec => ({
  id: `alibaba/${product}/${action}${format === "xml" ? ".xml" : ""}`,
  dialect: "alibaba",
  product,
  action,
  version: VERSIONS.alibaba[product],
  format,
  params,
  region: "cn-hangzhou",
});

const zenlayer = (action: string, params: Record<string, unknown>): CallSpec => ({
  id: `zenlayer/bmc/${action}`,
  dialect: "zenlayer",
  product: "bmc",
  action,
  version: VERSIONS.zenlayer.bmc,
  format: "json",
  params,
  region: null,
});

/** Alibaba calls are made twice, in JSON and in XML, so that format-parity can compare the answers. */
const bothFormats = (product: "kms" | "ess", action: string, params: Record<string, string>): CallSpec[] => [
  alibaba(product, action, params, "json"),
  alibaba(product, action, params, "xml"),
];

/**
 * The action calls of a live run: every action that has a schema, with parameters a sandbox or a real
 * account can answer without side effects beyond its own test resources.
 */
export const ACTION_CALLS: readonly CallSpec[] = [
  tencent("DescribeInstancesStatus", { Limit: 20 }),
  ...bothFormats("kms", "DescribeRegions", {}),
  ...bothFormats("kms", "Encrypt", { KeyId: "alias/conformance-test", Plaintext: "conformance" }),
  ...bothFormats("ess", "DescribeScalingGroups", { PageNumber: "1", PageSize: "10" }),
  alibaba(
    "ess",
    "CreateScalingGroup",
    { MinSize: "0", MaxSize: "1", ScalingGroupName: "conformance-test" },
    "json",
  ),
  {
    ...alibaba("ess", "DeleteScalingGroup", {}, "json"),
    uses: { call: "alibaba/ess/CreateScalingGroup", pointer: "/ScalingGroupId", param: "ScalingGroupId" },
  },
  zenlayer("DescribeInstances", { pageSize: 10, pageNum: 1 }),
  zenlayer("CreateInstances", {
    zoneId: "HKG-A",
    instanceTypeId: "M6C",
    imageId: "img-conformance",
    instanceName: "conformance-test",
  }),
];

export function actionCall(id: string): CallSpec {
  const call = ACTION_CALLS.find((c) => c.id === id);
  if (!call) throw new Error(`no action call ${id}`);
  return call;
}
