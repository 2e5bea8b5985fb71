import type { ProbeExpectation } from "../model/exchange.js";
import type { BodyFormat, Dialect } from "../providers/dialect.js";

export type { ProbeExpectation };

/** One request of a live run: an action call, or a probe (a deliberately bad variant of one). */
export interface CallSpec {
  /** Unique within a run: "alibaba/kms/Encrypt.xml", "probe:tencent/bad-signature". */
  id: string;
  dialect: Dialect;
  product: string;
  action: string;
  version: string;
  format: BodyFormat;
  /** Tencent and Zenlayer: the JSON body; Alibaba: the action's own query parameters. */
  params: Record<string, unknown>;
  /** Tencent X-TC-Region, Alibaba RegionId; null leaves it out. */
  region: string | null;
  method?: string;
  /** Deliberate signing faults, for probes. */
  signing?: { keyId?: string; secretSuffix?: string; timestampOffsetSeconds?: number };
  probe?: { name: string; expected: ProbeExpectation };
  /** A parameter taken from an earlier call's answer (run after it): delete what was created. */
  uses?: { call: string; pointer: string; param: string };
  /** The throttling probe repeats its call until it is throttled (at most this many times). */
  repeatUntilThrottled?: number;
}
