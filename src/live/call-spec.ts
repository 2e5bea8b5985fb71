import type { ProbeExpectation } from "../model/exchange.js";
import type { Dialect } from "../providers/dialect.js";
import type { CallToSign } from "../providers/request-form.js";

export type { ProbeExpectation };

/**
 * One request of a live run: an action call, or a probe (a deliberately bad variant of one). What is
 * signed and sent is its CallToSign part (src/providers/request-form.ts).
 */
export interface CallSpec extends CallToSign {
  /** Unique within a run: "alibaba/kms/Encrypt.xml", "probe:tencent/bad-signature". */
  id: string;
  dialect: Dialect;
  /** Deliberate signing faults, for probes. */
  signing?: { keyId?: string; secretSuffix?: string; timestampOffsetSeconds?: number };
  probe?: { name: string; expected: ProbeExpectation };
  /** A parameter taken from an earlier call's answer (run after it): delete what was created. */
  uses?: { call: string; pointer: string; param: string };
  /** Changes state: planned after the read-only calls (default: by the action's name, plan-tasks.ts). */
  mutating?: boolean;
  /** The throttling probe repeats its call until it is throttled (at most this many times). */
  repeatUntilThrottled?: number;
}
