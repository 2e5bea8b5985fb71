import type { ExchangeHints } from "../model/exchange.js";
import { optionalString } from "./record-fields.js";

const HINT_NAMES = ["dialect", "product", "action", "format"] as const;

type HintHolder = { [name in (typeof HINT_NAMES)[number]]?: unknown };

/**
 * Picks the hints (dialect, product, action, format) out of `holder`: the HAR `_conformance` object or an
 * NDJSON line. `prefix` names the holder in reasons (`_conformance.`). Undefined when there are none.
 */
export function pickHints(holder: HintHolder, prefix: string): ExchangeHints | undefined {
  const hints: ExchangeHints = {};
  for (const name of HINT_NAMES) {
    const value = optionalString(holder[name], `${prefix}${name}`);
    if (value !== undefined) hints[name] = value;
  }
  return Object.keys(hints).length > 0 ? hints : undefined;
}
