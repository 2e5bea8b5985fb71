import { decodeBody } from "../decode/decode-body.js";
import type { ExchangeSource, RawExchange } from "../model/exchange.js";
import type { Finding } from "../model/finding.js";
import { detectExchange } from "../providers/detect-exchange.js";
import type { Outcome } from "../providers/dialect.js";
import { dialectSpecs } from "../providers/dialect-specs.js";
import { NOT_APPLICABLE, type RuleContext } from "../rules/rule.js";
import type { ExchangeResult } from "../types/generated/report.js";
import type { Engine } from "./engine.js";
import { ruleApplies } from "./rule-applies.js";
import { type RuleVerdict, ruleJudgement } from "./rule-judgement.js";
import { describeSelection, isSelected, type Selection } from "./selection.js";

export type { RuleVerdict };

export type CheckedExchange = { kind: "checked"; result: ExchangeResult; verdicts: Map<string, RuleVerdict> };

export type ExchangeVerdict = CheckedExchange | { kind: "skipped"; source: ExchangeSource; reason: string };

/** Reports keep this much (in characters) of an offending body, for a person to read. */
export const EXCERPT_LENGTH = 16 * 1024;

export function responseExcerpt(response: RawExchange["response"]): NonNullable<ExchangeResult["response"]> {
  const truncated = response.body.length > EXCERPT_LENGTH;
  return {
    ...(response.headers["content-type"] === undefined
      ? {}
      : { contentType: response.headers["content-type"] }),
    body: truncated ? response.body.slice(0, EXCERPT_LENGTH) : response.body,
    bodyBytes: response.bodySize,
    truncated,
  };
}

/** An exchange as the rules see it, or why it cannot be judged. */
export type ExchangeReading =
  | { kind: "read"; context: RuleContext }
  | { kind: "skipped"; source: ExchangeSource; reason: string };

/**
 * Detects, decodes and classifies one exchange. An exchange outside `select` is skipped, with the
 * selection as the reason, before anything is decoded. With `standsFor` (the outcome of an exchange whose
 * answer the source does not hold, judged by one rule alone) the body is not read.
 */
export function readExchange(
  exchange: RawExchange,
  engine: Engine,
  select?: Selection,
  standsFor?: Outcome,
): ExchangeReading {
  const { source, response } = exchange;
  if (!Number.isInteger(response.status) || response.status < 100 || response.status > 599) {
    const why = response.status === 0 ? ": the request was blocked, failed or cancelled" : "";
    return {
      kind: "skipped",
      source,
      reason: `no HTTP response was recorded (status ${response.status}${why})`,
    };
  }
  if (/^\s*text\/event-stream/i.test(response.headers["content-type"] ?? "")) {
    // Streaming APIs (Tencent's ChatCompletions, TextToSpeechSSE) answer with events, not an envelope.
    return {
      kind: "skipped",
      source,
      reason:
        "a server-sent event stream (Content-Type text/event-stream), not an envelope; its events are not judged",
    };
  }
  const detection = detectExchange(exchange, engine.hosts);
  if (!detection.ok) return { kind: "skipped", source, reason: detection.reason };
  const { identity } = detection;
  if (select && !isSelected(select, identity.dialect, identity.product)) {
    const { dialect, product, action } = identity;
    const reason = `not selected: ${dialect}/${product}/${action} is outside ${describeSelection(select)}`;
    return { kind: "skipped", source, reason };
  }
  const spec = dialectSpecs[identity.dialect];
  const decoded =
    standsFor === undefined
      ? decodeBody(response.body, identity.format, { maxDepth: engine.maxDepth })
      : ({
          ok: false,
          format: identity.format,
          message: "not read: the source holds no answer",
          // No rule reads it: the group rule that judges such an exchange alone judges it by itself.
          problem: { messageId: "notRead", data: {} },
        } as const);
  const body = decoded.ok ? decoded.value : undefined;
  const xmlRoot = decoded.ok ? decoded.xmlRoot : undefined;
  const outcome = standsFor ?? (decoded.ok ? spec.classify(body, response.status, xmlRoot) : "unknown");
  const context: RuleContext = {
    exchange,
    identity,
    spec,
    status: response.status,
    responseHeaders: response.headers,
    decoded,
    body,
    xmlRoot,
    outcome,
    schemas: engine.schemas,
    codes: engine.codes,
  };
  return { kind: "read", context };
}

/** Runs every single-exchange rule in force over an exchange read, except those named in `except`. */
export function runExchangeRules(
  context: RuleContext,
  engine: Engine,
  except: ReadonlySet<string> = new Set(),
): CheckedExchange {
  const findings: Finding[] = [];
  const verdicts = new Map<string, RuleVerdict>();
  for (const { rule, configured } of engine.active) {
    if (except.has(rule.meta.id) || !ruleApplies(rule.meta, context)) continue;
    const drafts = rule.check(context);
    if (drafts === NOT_APPLICABLE) continue;
    const judgement = ruleJudgement(rule.meta, configured, drafts);
    findings.push(...judgement.findings);
    verdicts.set(rule.meta.id, judgement.verdict);
  }
  return { kind: "checked", result: resultOf(context, findings), verdicts };
}

/** An exchange's entry in the report; the response excerpt is added when it has findings. */
export function resultOf(context: RuleContext, findings: Finding[]): ExchangeResult {
  const { version: _version, ...identity } = context.identity;
  const result: ExchangeResult = {
    source: context.exchange.source,
    ...identity,
    status: context.status,
    outcome: context.outcome,
    findings,
  };
  if (findings.length > 0) result.response = responseExcerpt(context.exchange.response);
  return result;
}

/**
 * Decodes, classifies and runs every single-exchange rule in force over one exchange. Never throws for
 * bad bodies. Rules over several exchanges (format-parity, a probe's attempts) need the run around it:
 * see ExchangeJudge.
 */
export function checkExchange(exchange: RawExchange, engine: Engine, select?: Selection): ExchangeVerdict {
  const reading = readExchange(exchange, engine, select);
  return reading.kind === "skipped" ? reading : runExchangeRules(reading.context, engine);
}
