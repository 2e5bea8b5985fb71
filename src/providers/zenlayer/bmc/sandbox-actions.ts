import {
  integerParam,
  rejectUnknown,
  requirePresent,
  stringListParam,
  stringParam,
} from "../../sandbox-kit/parameter-checks.js";
import type { ZenlayerAction } from "../sandbox/zenlayer-product-sandbox.js";

/** The instances DescribeInstances lists (InstanceInfo). */
const BMC_INSTANCES: Record<string, unknown>[] = [
  {
    instanceId: "1234567654321",
    instanceName: "web-1",
    hostname: "web-1",
    zoneId: "HKG-A",
    instanceStatus: "RUNNING",
    instanceTypeId: "M6C",
    imageId: "img-ubuntu-2204",
    instanceChargeType: "POSTPAID",
    internetChargeType: "ByBandwidth",
    publicIpAddresses: ["128.14.225.10"],
    privateIpAddresses: ["10.10.0.10"],
    createTime: "2024-03-01T08:00:00Z",
    expiredTime: null,
  },
  {
    instanceId: "1234567654322",
    instanceName: "db-1",
    hostname: "db-1",
    zoneId: "SEL-A",
    instanceStatus: "STOPPED",
    instanceTypeId: "M6A",
    imageId: "img-rocky-9",
    instanceChargeType: "PREPAID",
    internetChargeType: "ByTrafficPackage",
    publicIpAddresses: ["98.98.36.21"],
    privateIpAddresses: ["10.20.0.21"],
    createTime: "2024-04-15T10:30:00Z",
    expiredTime: "2025-04-15T10:30:00Z",
  },
  {
    instanceId: "1234567654323",
    instanceName: "edge-fra",
    hostname: "edge-fra",
    zoneId: "FRA-A",
    instanceStatus: "RUNNING",
    instanceTypeId: "S9I",
    imageId: null,
    instanceChargeType: "POSTPAID",
    internetChargeType: "ByBandwidth",
    publicIpAddresses: ["45.92.10.5"],
    privateIpAddresses: [],
    createTime: "2024-06-01T00:00:00Z",
    expiredTime: null,
  },
];

const CREATE_PARAMS = new Set([
  "zoneId",
  "instanceTypeId",
  "imageId",
  "ipxeUrl",
  "instanceName",
  "hostname",
  "amount",
  "password",
  "sshKeys",
  "instanceChargeType",
  "instanceChargePrepaid",
  "internetChargeType",
  "internetMaxBandwidthOut",
  "trafficPackageSize",
  "subnetId",
  "raidConfig",
  "partitions",
  "nic",
  "resourceGroupId",
]);

/** CreateInstances: zoneId required; amount 1–100 (default 1). Asynchronous: IDs and an order number. */
const createInstances: ZenlayerAction = {
  check(params, context) {
    rejectUnknown(Object.keys(params), (name) => CREATE_PARAMS.has(name));
    const zoneId = requirePresent(stringParam(params.zoneId, "zoneId"), "zoneId");
    const amount = integerParam(params.amount, "amount", { min: 1, max: 100 }) ?? 1;
    for (const name of ["instanceTypeId", "imageId", "instanceName", "hostname", "password", "subnetId"]) {
      stringParam(params[name], name, { maxLength: 256 });
    }
    stringParam(params.instanceChargeType, "instanceChargeType", {
      pattern: /^(PREPAID|POSTPAID)$/,
      what: "PREPAID or POSTPAID",
    });
    stringListParam(params.sshKeys, "sshKeys", 10);
    return {
      zoneId,
      run() {
        const first = context.services.nextSerial();
        const ids = Array.from({ length: amount }, (_, i) => String(2000000000000 + first * 100 + i));
        return { instanceIdSet: ids, orderNumber: String(3000000000000 + first) };
      },
    };
  },
};

const DESCRIBE_PARAMS = new Set([
  "instanceIds",
  "zoneId",
  "instanceName",
  "instanceStatus",
  "imageId",
  "ipv4Address",
  "resourceGroupId",
  "pageSize",
  "pageNum",
]);

/** DescribeInstances: all optional; pageSize 1–1000 (20), pageNum ≥ 1 (1); filters by IDs, zone, name, status. */
const describeInstances: ZenlayerAction = {
  check(params) {
    rejectUnknown(Object.keys(params), (name) => DESCRIBE_PARAMS.has(name));
    const ids = stringListParam(params.instanceIds, "instanceIds", 100);
    const zoneId = stringParam(params.zoneId, "zoneId");
    const name = stringParam(params.instanceName, "instanceName");
    const status = stringParam(params.instanceStatus, "instanceStatus");
    for (const other of ["imageId", "ipv4Address", "resourceGroupId"]) stringParam(params[other], other);
    const pageSize = integerParam(params.pageSize, "pageSize", { min: 1, max: 1000 }) ?? 20;
    const pageNum = integerParam(params.pageNum, "pageNum", { min: 1 }) ?? 1;
    return {
      zoneId,
      run() {
        const matching = BMC_INSTANCES.filter(
          (i) =>
            (ids === undefined || ids.includes(i.instanceId as string)) &&
            (zoneId === undefined || i.zoneId === zoneId) &&
            (name === undefined || i.instanceName === name) &&
            (status === undefined || i.instanceStatus === status),
        );
        const page = matching.slice((pageNum - 1) * pageSize, pageNum * pageSize);
        return { totalCount: matching.length, dataSet: page.map((i) => structuredClone(i)) };
      },
    };
  },
};

export const BMC_ACTIONS: Record<string, ZenlayerAction> = {
  CreateInstances: createInstances,
  DescribeInstances: describeInstances,
};
