import {
  checkExchange,
  type ExchangeVerdict as EngineVerdict,
  type RuleVerdict,
} from "../engine/check-exchange.js";
import { createEngine, type Engine } from "../engine/engine.js";
import { ExchangeJudge } from "../engine/exchange-judge.js";
import type { ExchangeSource, RawExchange } from "../model/exchange.js";
import type { ConformanceConfig } from "../types/generated/config.js";
import type { ExchangeResult, ReportFinding } from "../types/generated/report.js";
import { resolveCheckerConfig } from "./checker-config.js";
import { type ExchangeInput, toRawExchange } from "./exchange-input.js";

export type { RuleVerdict };

/** A finding, as in reports/conformance.json: rule, severity, messageId, data, message, pointer, expected, actual. */
export type Finding = ReportFinding;

/** An exchange the engine judged: its identity as detected, its findings and each rule's verdict. */
export interface CheckedVerdict extends ExchangeResult {
  /** "fail" when any finding is an error, "warn" when there are only warnings, "pass" when none. */
  verdict: RuleVerdict;
  /** The verdict of every rule that judged the exchange (rules that do not concern it are absent). */
  rules: Record<string, RuleVerdict>;
}

/** An exchange the engine could not judge (no status, unknown host, an event stream…), with the reason. */
export interface SkippedVerdict {
  verdict: "skipped";
  source: ExchangeSource;
  reason: string;
  findings: [];
}

/** The verdict on one exchange. */
export type ExchangeVerdict = CheckedVerdict | SkippedVerdict;

export interface CheckerOptions {
  /**
   * A path to a conformance.config.json, or the same configuration as an object. When absent, the
   * CLI's default: conformance.config.json in `cwd` if there is one, else the defaults.
   */
  config?: string | ConformanceConfig;
  /** Where a relative config path and the configuration's own paths are resolved: process.cwd() when absent. */
  cwd?: string;
}

export interface RuleInfo {
  id: string;
  /** The severity in force, "off" when the configuration turned the rule off. */
  severity: "error" | "warning" | "off";
  description: string;
}

export interface Checker {
  /**
   * Judges one exchange by the single-exchange rules in force (every rule but the group rules
   * format-parity, throttling-probe-attempts and contract-verified, which need several exchanges: see
   * checkAll). Synchronous; never throws for a bad body (that is a finding).
   */
  check(exchange: ExchangeInput): ExchangeVerdict;
  /**
   * Judges exchanges as `conformance check` judges a file's entries: the single-exchange rules, then the
   * group rules over the groups they form. The verdicts are in the order of the input.
   */
  checkAll(exchanges: Iterable<ExchangeInput>): ExchangeVerdict[];
  /** Every rule, with the severity the configuration gives it. */
  readonly rules: readonly RuleInfo[];
}

function verdictOf(engineVerdict: EngineVerdict): ExchangeVerdict {
  if (engineVerdict.kind === "skipped") {
    return { verdict: "skipped", source: engineVerdict.source, reason: engineVerdict.reason, findings: [] };
  }
  const { result, verdicts } = engineVerdict;
  const { findings } = result;
  const verdict: RuleVerdict = findings.some((f) => f.severity === "error")
    ? "fail"
    : findings.length > 0
      ? "warn"
      : "pass";
  return { ...result, verdict, rules: Object.fromEntries(verdicts) };
}

/** A checker over an engine already made (the rules in force, schemas and code tables loaded). */
export function checkerOf(engine: Engine): Checker {
  return {
    check(exchange) {
      return verdictOf(checkExchange(toRawExchange(exchange), engine));
    },
    checkAll(exchanges) {
      const inputs: RawExchange[] = [];
      for (const exchange of exchanges) {
        const raw = toRawExchange(exchange, inputs.length);
        // A source object of its own, so that each verdict finds its place in the input.
        inputs.push({ ...raw, source: { ...raw.source } });
      }
      const position = new Map<ExchangeSource, number>(inputs.map((raw, i) => [raw.source, i]));
      const verdicts: ExchangeVerdict[] = new Array(inputs.length);
      const judge = new ExchangeJudge(engine, (verdict) => {
        const at = position.get(verdict.kind === "skipped" ? verdict.source : verdict.result.source);
        if (at !== undefined) verdicts[at] = verdictOf(verdict);
      });
      for (const raw of inputs) judge.judge(raw);
      judge.end();
      return verdicts;
    },
    rules: engine.rules.map(({ meta }) => ({
      id: meta.id,
      severity: engine.severityOf(meta.id),
      description: meta.description,
    })),
  };
}

/**
 * A checker with the same rules, configuration and schemas as the CLI. Loading reads the configuration
 * and the schema and code-table indexes (schemas are compiled on the first exchange that needs them);
 * make one checker and keep it. A bad configuration rejects with an InputError naming the file and field.
 */
export async function createChecker(options: CheckerOptions = {}): Promise<Checker> {
  const config = await resolveCheckerConfig(options.config, options.cwd ?? process.cwd());
  return checkerOf(await createEngine(config));
}
