/**
 * Writes a synthetic NDJSON recording for the throughput benchmark: N exchanges (default 100,000) that mix
 * the three dialects (Tencent CVM/CBS/VPC; Alibaba KMS and ESS in JSON and XML; Zenlayer BMC), successes and
 * errors, with bodies of a few hundred bytes to a few KB as the providers document them. About one exchange
 * in ten carries one defect that a rule must catch (wrong status, missing request ID, mismatched IDs,
 * truncated body, …); its `_defect` field (ignored by the readers) names it. Everything comes from a seeded
 * PRNG, so the same seed and count give the same file, byte for byte.
 *
 * As a script: `tsx bench/generate-exchanges.ts [OUT.ndjson] [--count N] [--seed S]`
 * (default bench/out/exchanges-100k.ndjson, 100,000 exchanges, seed 20240601).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { dialectRequests } from "../src/providers/dialect-requests.js";
import type { ProductDefinition } from "../src/providers/product.js";
import { findProduct } from "../src/providers/registry.js";
import type { NdjsonExchange } from "../src/types/generated/ndjson-exchange.js";
import { describedPayload } from "./described-payload.js";
import { isMain } from "./is-main.js";

export const DEFAULT_COUNT = 100_000;
export const DEFAULT_SEED = 20240601;
export const DEFAULT_OUT = fileURLToPath(new URL("./out/exchanges-100k.ndjson", import.meta.url));
/** Share of exchanges that carry a defect. */
export const DEFECT_RATE = 0.1;
/** Share of exchanges that are (documented) errors rather than successes. */
const ERROR_RATE = 0.2;

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += "0123456789abcdef"[this.int(0, 15)];
    return out;
  }
  alnum(length: number): string {
    const chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    let out = "";
    for (let i = 0; i < length; i++) out += chars[this.int(0, chars.length - 1)];
    return out;
  }
  uuid(): string {
    const variant = "89ab"[this.int(0, 3)];
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
  ip(prefix = "10"): string {
    return `${prefix}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
  }
  /** An ISO time in 2024, deterministic. */
  time(): string {
    const ms = Date.UTC(2024, 0, 1) + this.int(0, 364 * 24 * 3600) * 1000;
    return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
  }
}

// ---------------------------------------------------------------------------------------------------------
// What one exchange is before it is written

type Dialect = "tencent" | "alibaba" | "zenlayer";

interface Draft {
  dialect: Dialect;
  product: string;
  action: string;
  format: "json" | "xml";
  outcome: "success" | "error";
  request: NdjsonExchange["request"];
  status: number;
  headers: Record<string, string>;
  /** The decoded body; serialised (JSON or XML) after the defect, if any, is applied. */
  body: Record<string, unknown>;
  /** XML root element (Alibaba XML only). */
  xmlRoot?: string;
  /** Set by a defect that replaces the serialised text. */
  text?: string;
  /** Where the request ID sits in the body. */
  requestIdPaths: string[][];
}

/** A product of the registry: its version, service and answers' shape come from there. */
function registered(dialect: ProductDefinition["dialect"], id: string): ProductDefinition {
  const product = findProduct(dialect, id);
  if (!product) throw new Error(`no product ${dialect}/${id} in the registry`);
  return product;
}

const TENCENT_REGIONS = ["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore", "na-siliconvalley"];
const ALIBABA_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1", "eu-central-1"];
const ZENLAYER_ZONES = ["SEL-A", "HKG-A", "FRA-A", "LAX-A", "SIN-A"];

// --- Tencent ---------------------------------------------------------------------------------------------

const TENCENT_ERRORS: [string, string][] = [
  ["InvalidParameterValue.InstanceIdMalformed", "The instance ID `ins-xxxx` is malformed."],
  ["ResourceNotFound.InstanceNotFound", "The specified instance does not exist."],
  [
    "AuthFailure.SignatureFailure",
    "The provided credentials could not be validated. Please check your signature is correct.",
  ],
  [
    "RequestLimitExceeded",
    "Your current request times equals to `20` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.",
  ],
  ["InvalidParameter", "The parameter `Filters.0.Name` is invalid."],
  ["UnauthorizedOperation", "You are not authorized to perform this operation. Check your CAM policies."],
  [
    "InternalError",
    "An internal error has occurred. Retry your request, but if the problem persists, contact us.",
  ],
  ["LimitExceeded.InstanceQuotaExceeded", "The quota of instances in this region has been reached."],
];

function tencentInstance(r: Random): Record<string, unknown> {
  const zone = `${r.pick(TENCENT_REGIONS)}-${r.int(1, 4)}`;
  return {
    Placement: { Zone: zone, ProjectId: 0 },
    InstanceId: `ins-${r.alnum(8)}`,
    InstanceType: r.pick(["S5.MEDIUM4", "S5.LARGE8", "SA2.MEDIUM2", "C5.2XLARGE16"]),
    CPU: r.pick([2, 4, 8]),
    Memory: r.pick([4, 8, 16]),
    RestrictState: "NORMAL",
    InstanceName: `web-${r.alnum(6)}`,
    InstanceChargeType: r.pick(["POSTPAID_BY_HOUR", "PREPAID"]),
    SystemDisk: { DiskType: "CLOUD_PREMIUM", DiskId: `disk-${r.alnum(8)}`, DiskSize: 50 },
    DataDisks: [],
    PrivateIpAddresses: [r.ip("172")],
    PublicIpAddresses: r.chance(0.5) ? [r.ip("43")] : null,
    InternetAccessible: {
      InternetChargeType: "TRAFFIC_POSTPAID_BY_HOUR",
      InternetMaxBandwidthOut: r.int(1, 100),
    },
    VirtualPrivateCloud: {
      VpcId: `vpc-${r.alnum(8)}`,
      SubnetId: `subnet-${r.alnum(8)}`,
      AsVpcGateway: false,
    },
    ImageId: `img-${r.alnum(8)}`,
    OsName: r.pick(["TencentOS Server 3.1", "Ubuntu Server 22.04 LTS 64bit", "CentOS 7.9 64bit"]),
    SecurityGroupIds: [`sg-${r.alnum(8)}`],
    InstanceState: r.pick(["RUNNING", "STOPPED", "PENDING"]),
    Tags: [{ Key: "env", Value: r.pick(["prod", "test", "dev"]) }],
    CreatedTime: r.time(),
    ExpiredTime: null,
    Uuid: r.uuid(),
  };
}

function tencentPayload(r: Random, product: string, action: string): Record<string, unknown> {
  switch (action) {
    case "DescribeInstances": {
      const set = Array.from({ length: r.int(0, 4) }, () => tencentInstance(r));
      return { TotalCount: set.length + r.int(0, 20), InstanceSet: set };
    }
    case "DescribeInstancesStatus": {
      const set = Array.from({ length: r.int(1, 20) }, () => ({
        InstanceId: `ins-${r.alnum(8)}`,
        InstanceState: r.pick(["RUNNING", "STOPPED", "STARTING", "REBOOTING"]),
      }));
      return { TotalCount: set.length, InstanceStatusSet: set };
    }
    case "DescribeZones": {
      const region = r.pick(TENCENT_REGIONS);
      const set = Array.from({ length: r.int(2, 6) }, (_, i) => ({
        Zone: `${region}-${i + 1}`,
        ZoneName: `${region} zone ${i + 1}`,
        ZoneId: String(100001 + i),
        ZoneState: r.pick(["AVAILABLE", "UNAVAILABLE"]),
      }));
      return { TotalCount: set.length, ZoneSet: set };
    }
    case "RunInstances":
      return { InstanceIdSet: Array.from({ length: r.int(1, 3) }, () => `ins-${r.alnum(8)}`) };
    case "DescribeDisks": {
      const set = Array.from({ length: r.int(0, 5) }, () => ({
        DiskId: `disk-${r.alnum(8)}`,
        DiskUsage: r.pick(["SYSTEM_DISK", "DATA_DISK"]),
        DiskChargeType: "POSTPAID_BY_HOUR",
        Portable: true,
        Placement: { Zone: `${r.pick(TENCENT_REGIONS)}-${r.int(1, 3)}`, ProjectId: 0 },
        DiskSize: r.pick([50, 100, 200, 500]),
        DiskState: r.pick(["ATTACHED", "UNATTACHED"]),
        DiskType: r.pick(["CLOUD_PREMIUM", "CLOUD_SSD", "CLOUD_BSSD"]),
        InstanceId: `ins-${r.alnum(8)}`,
        CreateTime: r.time(),
        Encrypt: false,
      }));
      return { TotalCount: set.length, DiskSet: set };
    }
    default: {
      // vpc DescribeVpcs
      const set = Array.from({ length: r.int(1, 4) }, () => ({
        VpcId: `vpc-${r.alnum(8)}`,
        VpcName: `${product}-${r.alnum(5)}`,
        CidrBlock: `10.${r.int(0, 255)}.0.0/16`,
        IsDefault: r.chance(0.2),
        EnableMulticast: false,
        CreatedTime: r.time(),
        DnsServerSet: ["183.60.83.19", "183.60.82.98"],
        DomainName: "",
        DhcpOptionsId: "",
        EnableDhcp: true,
        Ipv6CidrBlock: "",
        TagSet: [],
      }));
      return { TotalCount: set.length, VpcSet: set };
    }
  }
}

const TENCENT_CALLS: [string, string][] = [
  ["cvm", "DescribeInstances"],
  ["cvm", "DescribeInstancesStatus"],
  ["cvm", "DescribeZones"],
  ["cvm", "RunInstances"],
  ["cbs", "DescribeDisks"],
  ["vpc", "DescribeVpcs"],
];

/** CBS and VPC are not in the registry; they speak the same API version as CVM. */
const tencentVersion = (product: string) =>
  (findProduct("tencent", product) ?? registered("tencent", "cvm")).version;

function tencentDraft(r: Random, outcome: Draft["outcome"]): Draft {
  const [product, action] = r.pick(TENCENT_CALLS);
  const requestId = r.uuid();
  const response: Record<string, unknown> =
    outcome === "success"
      ? {
          ...describedPayload(
            "tencent",
            product,
            tencentVersion(product),
            action,
            tencentPayload(r, product, action),
          ),
          RequestId: requestId,
        }
      : (() => {
          const [Code, Message] = r.pick(TENCENT_ERRORS);
          return { Error: { Code, Message }, RequestId: requestId };
        })();
  const headers: Record<string, string> = { "content-type": "application/json", "x-tc-requestid": requestId };
  return {
    dialect: "tencent",
    product,
    action,
    format: "json",
    outcome,
    request: {
      method: "POST",
      url: dialectRequests.tencent.publicUrl(product),
      headers: {
        "content-type": "application/json; charset=utf-8",
        "x-tc-action": action,
        "x-tc-version": tencentVersion(product),
        "x-tc-region": r.pick(TENCENT_REGIONS),
        "x-tc-timestamp": String(1704067200 + r.int(0, 31_000_000)),
        authorization: `TC3-HMAC-SHA256 Credential=AKID${r.alnum(12)}/2024-06-01/${product}/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${r.hex(64)}`,
      },
      body: JSON.stringify({ Limit: 20, Offset: 0 }),
    },
    status: 200,
    headers,
    body: { Response: response },
    requestIdPaths: [["Response", "RequestId"]],
  };
}

// --- Alibaba ---------------------------------------------------------------------------------------------

const KMS_ERRORS: [string, number, string][] = [
  ["Forbidden.KeyNotFound", 404, "The specified Key is not found."],
  ["Forbidden.NoPermission", 403, "This operation is forbidden by permission system."],
  ["InvalidParameter", 400, "The specified parameter is not valid."],
  ["Rejected.Disabled", 409, "The request is rejected because the key is disabled."],
  ["Rejected.Throttling", 429, "QPS Limit Exceeded"],
  ["InternalFailure", 500, "Internal Failure"],
];
const ESS_ERRORS: [string, number, string][] = [
  ["InvalidParameter", 400, 'The specified parameter "ScalingGroupId" is not valid.'],
  [
    "MissingParameter",
    400,
    'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
  ],
  ["Throttling", 400, "Request was denied due to request throttling."],
  ["Forbidden.Unsubscribed", 403, "The specified service is not subscribed."],
  [
    "SignatureDoesNotMatch",
    403,
    "The request signature we calculated does not match the signature you provided.",
  ],
  ["InternalError", 500, "The request processing has failed due to some unknown error."],
];

function essGroup(r: Random, region: string): Record<string, unknown> {
  return {
    ScalingGroupId: `asg-${r.alnum(20)}`,
    ScalingGroupName: `group-${r.alnum(6)}`,
    RegionId: region,
    LifecycleState: r.pick(["Active", "Inactive"]),
    MinSize: r.int(0, 2),
    MaxSize: r.int(3, 20),
    ActiveScalingConfigurationId: `asc-${r.alnum(20)}`,
    DefaultCooldown: 300,
    ActiveCapacity: r.int(0, 10),
    PendingCapacity: 0,
    RemovingCapacity: 0,
    TotalCapacity: r.int(0, 10),
    CreationTime: r.time().replace(/:\d\dZ$/, "Z"),
    VpcId: `vpc-${r.alnum(20)}`,
    VSwitchId: `vsw-${r.alnum(20)}`,
    RemovalPolicies: { RemovalPolicy: ["OldestScalingConfiguration", "OldestInstance"] },
    LoadBalancerIds: { LoadBalancerId: r.chance(0.5) ? [`lb-${r.alnum(20)}`] : [] },
    DBInstanceIds: { DBInstanceId: [] },
    VSwitchIds: { VSwitchId: [`vsw-${r.alnum(20)}`] },
  };
}

function alibabaPayload(
  r: Random,
  action: string,
  region: string,
  format: Draft["format"],
): Record<string, unknown> {
  switch (action) {
    case "Encrypt":
      return {
        CiphertextBlob: Buffer.from(r.hex(r.int(48, 200))).toString("base64"),
        KeyId: r.uuid(),
        KeyVersionId: r.uuid(),
      };
    case "DescribeRegions":
      return { Regions: { Region: ALIBABA_REGIONS.map((RegionId) => ({ RegionId })) } };
    case "ListKeys": {
      const keys = Array.from({ length: r.int(1, 10) }, () => {
        const id = r.uuid();
        return { KeyId: id, KeyArn: `acs:kms:${region}:${r.int(1e15, 9e15)}:key/${id}` };
      });
      return { Keys: { Key: keys }, TotalCount: keys.length, PageNumber: 1, PageSize: 10 };
    }
    case "DescribeScalingGroups": {
      // XML lists at least one group: the engine reads an empty <ScalingGroups/> as "" and (wrongly) fails
      // action-schema on it, which would blur the share of defects this file is meant to carry.
      const groups = Array.from({ length: r.int(format === "xml" ? 1 : 0, 3) }, () => essGroup(r, region));
      return {
        TotalCount: groups.length,
        PageNumber: 1,
        PageSize: 10,
        ScalingGroups: { ScalingGroup: groups },
      };
    }
    case "CreateScalingGroup":
      return { ScalingGroupId: `asg-${r.alnum(20)}` };
    default:
      return {}; // DeleteScalingGroup
  }
}

const ALIBABA_CALLS: [string, string][] = [
  ["kms", "Encrypt"],
  ["kms", "DescribeRegions"],
  ["kms", "ListKeys"],
  ["ess", "DescribeScalingGroups"],
  ["ess", "CreateScalingGroup"],
  ["ess", "DeleteScalingGroup"],
];
const ALIBABA_ERRORS: Record<string, [string, number, string][]> = { kms: KMS_ERRORS, ess: ESS_ERRORS };

function alibabaDraft(r: Random, outcome: Draft["outcome"]): Draft {
  const [product, action] = r.pick(ALIBABA_CALLS);
  const definition = registered("alibaba", product);
  const format = r.chance(0.3) ? "xml" : "json";
  const region = r.pick(ALIBABA_REGIONS);
  const requestId = r.uuid().toUpperCase();
  const host = dialectRequests.alibaba.publicHost(definition.service, region);
  const query = new URLSearchParams({
    Action: action,
    Version: definition.version,
    Format: format.toUpperCase(),
    AccessKeyId: `LTAI${r.alnum(20)}`,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: r.uuid(),
    Timestamp: r.time(),
    RegionId: region,
    Signature: Buffer.from(r.hex(20)).toString("base64"),
  });
  let body: Record<string, unknown>;
  let status = 200;
  let xmlRoot: string | undefined;
  if (outcome === "success") {
    body = { RequestId: requestId, ...alibabaPayload(r, action, region, format) };
    xmlRoot = definition.xmlRoot && r.chance(0.3) ? definition.xmlRoot : `${action}Response`;
  } else {
    const [code, codeStatus, message] = r.pick(ALIBABA_ERRORS[product] ?? []);
    status = codeStatus;
    body = definition.errorBodyStatus
      ? {
          RequestId: requestId,
          HttpStatus: format === "xml" ? String(status) : status,
          Code: code,
          Message: message,
          HostId: host,
        }
      : {
          RequestId: requestId,
          HostId: host,
          Code: code,
          Message: message,
          Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=${product.charAt(0).toUpperCase()}${product.slice(1)}`,
        };
    xmlRoot = definition.xmlRoot && r.chance(0.5) ? definition.xmlRoot : "Error";
  }
  return {
    dialect: "alibaba",
    product,
    action,
    format,
    outcome,
    request: {
      method: "POST",
      url: `https://${host}/?${query}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    },
    status,
    headers: {
      "content-type": format === "xml" ? "text/xml;charset=utf-8" : "application/json;charset=utf-8",
      "x-acs-request-id": requestId,
    },
    body,
    ...(format === "xml" ? { xmlRoot } : {}),
    requestIdPaths: [["RequestId"]],
  };
}

// --- Zenlayer --------------------------------------------------------------------------------------------

const ZENLAYER_ERRORS: [string, number, string][] = [
  ["INVALID_ZONE_NOT_FOUND", 404, "The specified zoneId `SEL--A` is not found"],
  ["REQUEST_LIMIT_EXCEEDED", 429, "Request limit exceeded."],
  ["OPERATION_FAILED_RESOURCE_NOT_FOUND", 404, "The specified instance is not found."],
  ["SERVICE_TEMPORARY_UNAVAILABLE", 503, "Service is temporarily unavailable."],
  ["INTERNAL_SERVER_ERROR", 500, "Internal server error."],
];

const BMC = registered("zenlayer", "bmc");

function zenlayerDraft(r: Random, outcome: Draft["outcome"]): Draft {
  const action = r.pick(["DescribeInstances", "CreateInstances", "DescribeZones"]);
  const requestId = `T${r.uuid().toUpperCase()}`;
  let body: Record<string, unknown>;
  let status = 200;
  if (outcome === "success") {
    let payload: Record<string, unknown>;
    if (action === "DescribeInstances") {
      const dataSet = Array.from({ length: r.int(0, 4) }, () => ({
        instanceId: String(r.int(1e17, 9e17)),
        instanceName: `bm-${r.alnum(6)}`,
        zoneId: r.pick(ZENLAYER_ZONES),
        instanceStatus: r.pick(["RUNNING", "STOPPED", "DEPLOYING"]),
        hostname: `host-${r.alnum(6)}`,
        instanceTypeId: r.pick(["M6C", "S9I", "G9C"]),
        imageId: r.chance(0.8) ? `ubuntu${r.pick(["20", "22"])}04` : null,
        instanceChargeType: r.pick(["POSTPAID", "PREPAID"]),
        internetChargeType: "ByBandwidth",
        publicIpAddresses: [r.ip("128")],
        privateIpAddresses: [r.ip("10")],
        createTime: r.time(),
        expiredTime: null,
      }));
      payload = { totalCount: dataSet.length, dataSet };
    } else if (action === "CreateInstances") {
      payload = {
        instanceIdSet: Array.from({ length: r.int(1, 3) }, () => String(r.int(1e17, 9e17))),
        orderNumber: String(r.int(1e9, 9e9)),
      };
    } else {
      payload = {
        zoneSet: ZENLAYER_ZONES.map((zoneId) => ({
          zoneId,
          zoneName: `${zoneId} zone`,
          cityName: zoneId.slice(0, 3),
        })),
      };
    }
    body = { requestId, response: { requestId, ...payload } };
  } else {
    const [code, codeStatus, message] = r.pick(ZENLAYER_ERRORS);
    status = codeStatus;
    body = { requestId, code, message };
  }
  return {
    dialect: "zenlayer",
    product: BMC.id,
    action,
    format: "json",
    outcome,
    request: {
      method: "POST",
      url: dialectRequests.zenlayer.publicUrl(BMC.service),
      headers: {
        "content-type": "application/json; charset=utf-8",
        "x-zc-action": action,
        "x-zc-version": BMC.version,
        "x-zc-timestamp": String(1704067200 + r.int(0, 31_000_000)),
        authorization: `ZC2-HMAC-SHA256 Credential=${r.alnum(16)}, SignedHeaders=content-type;host, Signature=${r.hex(64)}`,
      },
      body: JSON.stringify({ pageNum: 1, pageSize: 20 }),
    },
    status,
    headers: { "content-type": "application/json" },
    body,
    requestIdPaths: outcome === "success" ? [["requestId"], ["response", "requestId"]] : [["requestId"]],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Defects: each breaks one documented rule (the rule that must catch it is in the comment)

function deleteAt(body: Record<string, unknown>, keys: readonly string[]): void {
  let node: unknown = body;
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[key];
  if (node && typeof node === "object")
    delete (node as Record<string, unknown>)[keys[keys.length - 1] as string];
}

function setAt(body: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node: unknown = body;
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[key];
  if (node && typeof node === "object")
    (node as Record<string, unknown>)[keys[keys.length - 1] as string] = value;
}

type Defect = { name: string; applies: (d: Draft) => boolean; apply: (d: Draft, r: Random) => void };

const DEFECTS: Defect[] = [
  // request-id-present
  {
    name: "missing-request-id",
    applies: () => true,
    apply: (d) => deleteAt(d.body, d.requestIdPaths[0] ?? []),
  },
  {
    name: "empty-request-id",
    applies: () => true,
    apply: (d) => setAt(d.body, d.requestIdPaths[0] ?? [], ""),
  },
  // status-outcome
  {
    name: "wrong-status",
    applies: () => true,
    apply: (d, r) => {
      d.status =
        d.dialect === "tencent"
          ? r.pick([400, 500, 502])
          : d.outcome === "success"
            ? r.pick([400, 500])
            : 200;
    },
  },
  // body-parseable
  {
    name: "truncated-body",
    applies: () => true,
    apply: (d, r) => {
      const text = serialise(d);
      d.text = text.slice(0, r.int(Math.floor(text.length / 3), text.length - 2));
    },
  },
  // content-type-consistent
  {
    name: "html-content-type",
    applies: () => true,
    apply: (d) => (d.headers["content-type"] = "text/html; charset=utf-8"),
  },
  // request-id-consistent
  {
    name: "request-id-header-mismatch",
    applies: (d) => d.dialect !== "zenlayer",
    apply: (d, r) => {
      const name = d.dialect === "tencent" ? "x-tc-requestid" : "x-acs-request-id";
      d.headers[name] = d.dialect === "alibaba" ? r.uuid().toUpperCase() : r.uuid();
    },
  },
  {
    name: "inner-request-id-mismatch",
    applies: (d) => d.dialect === "zenlayer" && d.outcome === "success",
    apply: (d, r) => setAt(d.body, ["response", "requestId"], `T${r.uuid().toUpperCase()}`),
  },
  // error-code-message
  {
    name: "empty-error-message",
    applies: (d) => d.outcome === "error",
    apply: (d) => {
      if (d.dialect === "tencent") setAt(d.body, ["Response", "Error", "Message"], "");
      else if (d.dialect === "alibaba") d.body.Message = "";
      else d.body.message = "";
    },
  },
  // error-host-id (an error where the product always sends it, ESS; a warning only for KMS: hostIdOptional)
  {
    name: "missing-host-id",
    applies: (d) =>
      d.dialect === "alibaba" && !registered("alibaba", d.product).hostIdOptional && d.outcome === "error",
    apply: (d) => delete d.body.HostId,
  },
  // status-body-consistent
  {
    name: "http-status-in-body-differs",
    applies: (d) =>
      d.dialect === "alibaba" && !!registered("alibaba", d.product).errorBodyStatus && d.outcome === "error",
    apply: (d) => {
      const other = d.status === 404 ? 400 : 404;
      d.body.HttpStatus = d.format === "xml" ? String(other) : other;
    },
  },
  // status-code-table
  {
    name: "status-not-in-code-table",
    applies: (d) => d.dialect === "alibaba" && d.outcome === "error",
    apply: (d) => {
      d.status = d.status === 500 ? 502 : 500;
      if ("HttpStatus" in d.body) d.body.HttpStatus = d.format === "xml" ? String(d.status) : d.status;
    },
  },
  // xml-root
  {
    name: "wrong-xml-root",
    applies: (d) => d.format === "xml",
    apply: (d) => (d.xmlRoot = d.outcome === "error" ? "Response" : "Result"),
  },
  // action-schema
  {
    name: "action-field-missing",
    applies: (d) =>
      d.outcome === "success" &&
      ["DescribeInstancesStatus", "Encrypt", "DescribeScalingGroups", "DescribeInstances"].includes(
        d.action,
      ) &&
      d.dialect !== "tencent",
    apply: (d) => {
      if (d.action === "Encrypt") delete d.body.KeyId;
      else if (d.action === "DescribeScalingGroups") delete d.body.TotalCount;
      else deleteAt(d.body, ["response", "totalCount"]);
    },
  },
  {
    name: "action-field-missing",
    applies: (d) =>
      d.outcome === "success" && d.dialect === "tencent" && d.action === "DescribeInstancesStatus",
    apply: (d) => deleteAt(d.body, ["Response", "TotalCount"]),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Serialisation

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Alibaba's XML form of a JSON body: arrays become repeated elements named after their key. */
function toXml(name: string, value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.map((item) => toXml(name, item, indent)).join("");
  if (value !== null && typeof value === "object") {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => toXml(k, v, `${indent}  `))
      .join("");
    return inner === "" ? `${indent}<${name}/>\n` : `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(value === null || value === undefined ? "" : String(value))}</${name}>\n`;
}

function serialise(d: Draft): string {
  if (d.format === "xml") {
    const root = d.xmlRoot ?? "Response";
    const inner = Object.entries(d.body)
      .map(([k, v]) => toXml(k, v, "  "))
      .join("");
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${inner}</${root}>\n`;
  }
  return JSON.stringify(d.body);
}

// ---------------------------------------------------------------------------------------------------------

export interface GeneratedStats {
  exchanges: number;
  bytes: number;
  byDialect: Record<string, number>;
  byOutcome: Record<string, number>;
  byFormat: Record<string, number>;
  defects: Record<string, number>;
  bodyBytes: { min: number; mean: number; max: number };
}

export interface GenerateOptions {
  count?: number;
  seed?: number;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** One exchange line, from the PRNG's current state. */
function generateExchange(r: Random): { line: NdjsonExchange; draft: Draft; defect: string | undefined } {
  const roll = r.next();
  const outcome = r.chance(ERROR_RATE) ? "error" : "success";
  const draft =
    roll < 0.4
      ? tencentDraft(r, outcome)
      : roll < 0.75
        ? alibabaDraft(r, outcome)
        : zenlayerDraft(r, outcome);
  let defect: string | undefined;
  if (r.chance(DEFECT_RATE)) {
    const candidates = DEFECTS.filter((d) => d.applies(draft));
    const chosen = r.pick(candidates);
    chosen.apply(draft, r);
    defect = chosen.name;
  }
  const body = draft.text ?? serialise(draft);
  const line: NdjsonExchange = {
    request: draft.request,
    response: { status: draft.status, headers: draft.headers, body },
    ...(defect ? { _defect: defect } : {}),
  };
  return { line, draft, defect };
}

/** Writes `count` exchanges to `outFile` (created with its folder); returns what was written. */
export async function generateExchanges(
  outFile: string,
  options: GenerateOptions = {},
): Promise<GeneratedStats> {
  const count = options.count ?? DEFAULT_COUNT;
  const r = new Random(mulberry32(options.seed ?? DEFAULT_SEED));
  await mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
  const out = createWriteStream(outFile, { encoding: "utf8" });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  const stats: GeneratedStats = {
    exchanges: 0,
    bytes: 0,
    byDialect: {},
    byOutcome: {},
    byFormat: {},
    defects: {},
    bodyBytes: { min: Number.POSITIVE_INFINITY, mean: 0, max: 0 },
  };
  let bodyTotal = 0;
  try {
    for (let i = 0; i < count; i++) {
      const { line, draft, defect } = generateExchange(r);
      const text = `${JSON.stringify(line)}\n`;
      stats.exchanges++;
      stats.bytes += Buffer.byteLength(text);
      bump(stats.byDialect, draft.dialect);
      bump(stats.byOutcome, draft.outcome);
      bump(stats.byFormat, draft.format);
      bump(stats.defects, defect ?? "(none)");
      const bodyBytes = Buffer.byteLength(line.response.body);
      bodyTotal += bodyBytes;
      stats.bodyBytes.min = Math.min(stats.bodyBytes.min, bodyBytes);
      stats.bodyBytes.max = Math.max(stats.bodyBytes.max, bodyBytes);
      if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
    }
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
  stats.bodyBytes.mean = Math.round(bodyTotal / Math.max(stats.exchanges, 1));
  if (stats.exchanges === 0) stats.bodyBytes.min = 0;
  return stats;
}

if (isMain(import.meta.url)) {
  const { values, positionals } = parseArgs({
    options: { count: { type: "string" }, seed: { type: "string" } },
    allowPositionals: true,
  });
  const count = values.count === undefined ? DEFAULT_COUNT : Number(values.count);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    process.stderr.write("usage: tsx bench/generate-exchanges.ts [OUT.ndjson] [--count N] [--seed S]\n");
    process.exit(2);
  }
  const outFile = positionals[0] ?? DEFAULT_OUT;
  const stats = await generateExchanges(outFile, { count, seed });
  process.stdout.write(
    `${stats.exchanges} exchanges (${(stats.bytes / 1e6).toFixed(1)} MB) written to ${outFile}\n`,
  );
  process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
}
