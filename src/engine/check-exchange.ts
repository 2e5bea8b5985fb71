import { decodeBody } from "../decode/decode-body.js";
import type { ExchangeSource, RawExchange } from "../model/exchange.js";
import type { Finding } from "../model/finding.js";
import { detectExchange } from "../providers/detect-exchange.js";
import { dialectSpecs } from "../providers/dialect-specs.js";
import { NOT_APPLICABLE, type RuleContext } from "../rules/rule.js";
import type { ExchangeResult } from "../types/generated/report.js";
import type { Engine } from "./engine.js";
import { describeSelection, isSelected, type Selection } from "./selection.js";

export type RuleVerdict = "pass" | "fail" | "warn";

export type ExchangeVerdict =
  | { kind: "checked"; result: ExchangeResult; verdicts: Map<string, RuleVerdict> }
  | { kind: "skipped"; source: ExchangeSource; reason: string };

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

/**
 * Decodes, classifies and runs every active rule over one exchange. Never throws for bad bodies. An
 * exchange outside `select` is skipped, with the selection as the reason, before anything is decoded.
 */
export function checkExchange(exchange: RawExchange, engine: Engine, select?: Selection): ExchangeVerdict {
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
  const decoded = decodeBody(response.body, identity.format, { maxDepth: engine.maxDepth });
  const body = decoded.ok ? decoded.value : undefined;
  const xmlRoot = decoded.ok ? decoded.xmlRoot : undefined;
  const context: RuleContext = {
    exchange,
    identity,
    spec,
    status: response.status,
    responseHeaders: response.headers,
    decoded,
    body,
    xmlRoot,
    outcome: decoded.ok ? spec.classify(body, response.status, xmlRoot) : "unknown",
    schemas: engine.schemas,
    codes: engine.codes,
  };

  const findings: Finding[] = [];
  const verdicts = new Map<string, RuleVerdict>();
  for (const { rule, configured } of engine.active) {
    if (!rule.meta.dialects.includes(identity.dialect)) continue;
    if (rule.meta.needs !== "response" && !decoded.ok) continue;
    if (rule.meta.needs === "envelope" && context.outcome === "unknown") continue;
    const drafts = rule.check(context);
    if (drafts === NOT_APPLICABLE) continue;
    let verdict: RuleVerdict = "pass";
    for (const draft of drafts) {
      const severity = configured ?? draft.severity ?? rule.meta.severity;
      findings.push({ ...draft, rule: rule.meta.id, severity });
      verdict = severity === "error" ? "fail" : verdict === "fail" ? "fail" : "warn";
    }
    verdicts.set(rule.meta.id, verdict);
  }
  const result: ExchangeResult = {
    source,
    ...identity,
    status: response.status,
    outcome: context.outcome,
    findings,
  };
  if (findings.length > 0) result.response = responseExcerpt(response);
  return { kind: "checked", result, verdicts };
}
