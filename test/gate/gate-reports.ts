import { checkExchange } from "../../src/engine/check-exchange.js";
import { ReportBuilder } from "../../src/engine/report-builder.js";
import type { Shard } from "../../src/model/shard.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { tencentError, tencentSuccess, zenlayerSuccess } from "../support/bodies.js";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";

/**
 * The report the engine writes for these exchanges (entry i at index i of "traffic.ndjson"), built in
 * memory: what `conformance check traffic.ndjson` would write, without a process or a file.
 */
export async function reportOf(
  specs: readonly ExchangeSpec[],
  identity: { runId?: string; shard?: Shard } = {},
): Promise<ConformanceReport> {
  const engine = await sharedEngine();
  const builder = new ReportBuilder(engine, [{ kind: "recorded", location: "traffic.ndjson" }], identity);
  specs.forEach((spec, index) => {
    builder.add(checkExchange(buildExchange({ file: "traffic.ndjson", index, ...spec }), engine));
  });
  return builder.build();
}

/**
 * Three exchanges: a Tencent error with HTTP 400 (status-outcome fails), a Tencent success whose request
 * ID is not a UUID (request-id-format warns) and a conformant Zenlayer success. Score 66.66.
 */
export const MIXED_TRAFFIC: readonly ExchangeSpec[] = [
  { dialect: "tencent", action: "DescribeZones", status: 400, body: tencentError() },
  {
    dialect: "tencent",
    action: "DescribeZones",
    body: tencentSuccess({ RequestId: "not-a-uuid", TotalCount: 0, ZoneSet: [] }),
  },
  { dialect: "zenlayer", action: "DescribeInstances", body: zenlayerSuccess({ totalCount: 0, dataSet: [] }) },
];

/** The failures MIXED_TRAFFIC draws, as a baseline names them. */
export const STATUS_OUTCOME = {
  dialect: "tencent",
  product: "cvm",
  action: "DescribeZones",
  rule: "status-outcome",
} as const;
export const REQUEST_ID_FORMAT = { ...STATUS_OUTCOME, rule: "request-id-format" } as const;
/** A cell MIXED_TRAFFIC checks and passes. */
export const ZENLAYER_STATUS_OUTCOME = {
  dialect: "zenlayer",
  product: "bmc",
  action: "DescribeInstances",
  rule: "status-outcome",
} as const;
