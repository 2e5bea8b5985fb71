import type { Dialect } from "./dialect.js";
import type { ProbeChange } from "./product.js";

/**
 * The deliberate faults the products' probes are made of, and the contracts' provider states too
 * (src/contracts/provider-states.ts): one value each, whichever product or layer uses it.
 */
export const PROBE_FAULTS = {
  wrongSecret: { signing: { secretSuffix: "-wrong" } },
  hourOldTimestamp: { signing: { timestampOffsetSeconds: -3600 } },
  unknownAction: { action: "DescribeConformanceProbe" },
  unsupportedVersion: { version: "1999-01-01" },
  unknownRegion: { region: "xx-nowhere-1" },
  putMethod: { method: "PUT" },
  pastTheRateLimit: { repeatUntilThrottled: 200 },
} as const satisfies Record<string, ProbeChange>;

/** An access key id in the dialect's shape that no account has. */
export const UNKNOWN_KEY_IDS: Readonly<Record<Dialect, string>> = {
  tencent: "AKIDUnknownConformanceProbe0000000000",
  alibaba: "LTAI5tUnknownConformance",
  zenlayer: "ZLUNKNOWNCONFORMANCE0000",
};

export const unknownKeyId = (dialect: Dialect): ProbeChange => ({
  signing: { keyId: UNKNOWN_KEY_IDS[dialect] },
});
