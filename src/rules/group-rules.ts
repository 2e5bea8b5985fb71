import { contractVerified } from "./contract-verified.js";
import { formatParity } from "./format-parity.js";
import type { GroupRule } from "./group-rule.js";
import { throttlingProbeAttempts } from "./group-throttling-probe.js";

/** Every rule that judges a group of exchanges, in report order (after the single-exchange rules). */
export const groupRules: readonly GroupRule[] = [formatParity, throttlingProbeAttempts, contractVerified];
