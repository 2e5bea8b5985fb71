// The package's main entry: `import { createChecker } from "cloud-envelope-conformance"`.
// The ready-made chai plugin (which loads the default configuration on import) is the "./chai" entry.
export {
  type CheckedVerdict,
  type Checker,
  type CheckerOptions,
  createChecker,
  type ExchangeVerdict,
  type Finding,
  type RuleInfo,
  type RuleVerdict,
  type SkippedVerdict,
} from "../api/checker.js";
export type { BodyInput, ExchangeInput, HeadersInput, PlainExchange } from "../api/exchange-input.js";
export { toRawExchange } from "../api/exchange-input.js";
export {
  type ChaiLike,
  type ConformancePlugin,
  type ConformTarget,
  conformancePlugin,
  violationMessage,
} from "../chai/plugin.js";
export type { ExchangeHints, ExchangeSource, RawExchange } from "../model/exchange.js";
export { InputError } from "../model/exchange.js";
export type { ConformanceConfig, HostMapping, RuleSeverities } from "../types/generated/config.js";
