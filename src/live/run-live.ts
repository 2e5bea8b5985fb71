import http from "node:http";
import https from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { decodeBody } from "../decode/decode-body.js";
import { checkExchange, type ExchangeVerdict, responseExcerpt } from "../engine/check-exchange.js";
import type { Progress } from "../engine/check-recordings.js";
import type { Engine } from "../engine/engine.js";
import type { ReportBuilder } from "../engine/report-builder.js";
import { inShard, type Shard } from "../engine/shard.js";
import type { RawExchange } from "../model/exchange.js";
import { resolvePointer } from "../model/json-pointer.js";
import type { Dialect } from "../providers/dialect.js";
import { formatParityFindings } from "../rules/format-parity.js";
import type { Credentials } from "../signing/credentials.js";
import type { CallSpec } from "./call-spec.js";
import { sendRequest, type Timeouts } from "./http-exchange.js";
import { planTasks } from "./plan-tasks.js";
import { displayUrl, redactExchange, runSecrets, scrubText } from "./redact.js";
import { signedRequest } from "./signed-request.js";
import { backoffMs, isThrottled } from "./throttling.js";

export interface LiveRunOptions {
  target: URL;
  calls: readonly CallSpec[];
  credentials: Credentials;
  engine: Engine;
  builder: ReportBuilder;
  concurrency: number;
  timeouts: Timeouts;
  maxBodyBytes: number;
  /** Retries of a call that was throttled, after back-off (each attempt is recorded). */
  throttleRetries: number;
  signal?: AbortSignal;
  /** Every exchange, redacted and judged (for `conformance record`). */
  onExchange?: (exchange: RawExchange, timing: { startedAt: Date; durationMs: number }) => void;
  onProgress?: (progress: Progress) => void;
  /** Make only this slice of the run's tasks (an Alibaba JSON/XML pair or a create/delete chain stays whole). */
  shard?: Shard | undefined;
  /**
   * When the target is a built-in sandbox the caller started (RunningSandbox.throttle): puts the
   * dialect's key into the throttled state and returns its release. The throttling probes then send one
   * request each inside that state instead of repeating their call until the target throttles it.
   */
  throttle?: ((dialect: Dialect) => () => void) | undefined;
}

export interface LiveRunSummary {
  exchanges: number;
  transportFailures: number;
}

interface CallResult {
  exchange: RawExchange;
  verdict: ExchangeVerdict;
  startedAt: Date;
  durationMs: number;
}

/**
 * Calls the target: the action calls first (read-only ones, then those that create and delete), then the
 * probes, throttling last so that it does not slow the others. Each call is signed, sent, redacted (every
 * credential value the run uses and the request's own signature scrubbed from request and response, see
 * redact.ts), judged by the engine and added to the report; Alibaba JSON/XML pairs are compared for
 * format-parity. Nothing unredacted leaves this function: not the target URL, not an echoed key id.
 */
export async function runLive(options: LiveRunOptions): Promise<LiveRunSummary> {
  const { engine, builder, target, signal } = options;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: options.concurrency }),
    https: new https.Agent({ keepAlive: true, maxSockets: options.concurrency }),
  };
  let index = 0;
  let transportFailures = 0;
  let callsDone = 0;
  let callsTotal = 0;
  // What reports, recordings and the terminal show of the target: no user name, password or token.
  const location = displayUrl(target);
  const secrets = runSecrets(options.credentials, target);

  async function attempt(call: CallSpec, label: string, asProbe: boolean): Promise<CallResult | undefined> {
    const request = signedRequest(call, target, options.credentials, Math.floor(Date.now() / 1000));
    const startedAt = new Date();
    const source = { file: location, index: index++, probe: label };
    const outcome = await sendRequest(request, {
      timeouts: options.timeouts,
      maxBodyBytes: options.maxBodyBytes,
      agents,
      ...(signal ? { signal } : {}),
    });
    if (!outcome.ok) {
      transportFailures++;
      builder.transportFailure({
        source,
        kind: outcome.kind,
        message: scrubText(outcome.message, secrets),
        durationMs: outcome.durationMs,
      });
      return undefined;
    }
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    // Redacted before it is judged: findings, excerpts and the recording are made of what may be shown.
    const exchange = redactExchange(
      {
        source,
        request: { method: request.method, url: request.url, headers, body: request.body },
        response: {
          status: outcome.status,
          headers: outcome.headers,
          body: outcome.body,
          bodySize: Buffer.byteLength(outcome.body),
        },
        hints: { dialect: call.dialect, product: call.product, action: call.action, format: call.format },
        ...(asProbe && call.probe ? { probe: call.probe } : {}),
      },
      secrets,
    );
    return { exchange, verdict: checkExchange(exchange, engine), startedAt, durationMs: outcome.durationMs };
  }

  /** Into the report (and the recording) once its judgement is final. */
  function record(result: CallResult | undefined): void {
    if (!result) return;
    builder.add(result.verdict);
    options.onExchange?.(result.exchange, { startedAt: result.startedAt, durationMs: result.durationMs });
    options.onProgress?.({ file: location, exchanges: index, done: callsDone, total: callsTotal });
  }

  /** One call, retried after back-off while it is throttled; every attempt but the last is recorded here. */
  async function execute(call: CallSpec): Promise<CallResult | undefined> {
    if (call.repeatUntilThrottled) return provokeThrottling(call);
    for (let n = 0; ; n++) {
      const result = await attempt(call, n === 0 ? call.id : `${call.id}#retry${n}`, true);
      if (!result || signal?.aborted || n >= options.throttleRetries) return result;
      const { status, body, headers } = result.exchange.response;
      if (!isThrottled(call.dialect, call.format, status, body)) return result;
      record(result);
      await sleep(backoffMs(n, headers), undefined, { signal }).catch(() => {});
    }
  }

  /**
   * The throttling probe. Against a sandbox with a throttle hook: one request while the hook holds the
   * dialect throttled. Otherwise: the same call until the target throttles it. The last answer is the probe's.
   */
  async function provokeThrottling(call: CallSpec): Promise<CallResult | undefined> {
    if (options.throttle) {
      const release = options.throttle(call.dialect);
      try {
        return await attempt(call, call.id, true);
      } finally {
        release();
      }
    }
    const limit = call.repeatUntilThrottled ?? 1;
    for (let n = 1; n <= limit && !signal?.aborted; n++) {
      const last = n === limit;
      const result = await attempt(call, `${call.id}#${n}`, false);
      if (!result) return undefined;
      const { status, body } = result.exchange.response;
      if (isThrottled(call.dialect, call.format, status, body) || last) {
        // Judge this answer as the probe's.
        const probed: RawExchange = { ...result.exchange, ...(call.probe ? { probe: call.probe } : {}) };
        return { ...result, exchange: probed, verdict: checkExchange(probed, engine) };
      }
      record(result);
    }
    return undefined;
  }

  function addParity(json: CallResult | undefined, xml: CallResult | undefined): void {
    if (!json || !xml || xml.verdict.kind !== "checked" || json.verdict.kind !== "checked") return;
    const severity = engine.severityOf("format-parity");
    if (
      severity === "off" ||
      json.verdict.result.outcome !== "success" ||
      xml.verdict.result.outcome !== "success"
    )
      return;
    const decodedJson = decodeBody(json.exchange.response.body, "json", { maxDepth: engine.maxDepth });
    const decodedXml = decodeBody(xml.exchange.response.body, "xml", { maxDepth: engine.maxDepth });
    if (!decodedJson.ok || !decodedXml.ok) return;
    const { product, action } = xml.verdict.result;
    const findings = formatParityFindings(product, action, decodedJson.value, decodedXml.value);
    xml.verdict.result.findings.push(...findings.map((f) => ({ ...f, rule: "format-parity", severity })));
    if (findings.length > 0) xml.verdict.result.response ??= responseExcerpt(xml.exchange.response);
    xml.verdict.verdicts.set(
      "format-parity",
      findings.length === 0 ? "pass" : severity === "error" ? "fail" : "warn",
    );
  }

  async function runTask(task: CallSpec[]): Promise<void> {
    const done = new Map<string, CallResult | undefined>();
    for (const planned of task) {
      if (signal?.aborted) return;
      let call = planned;
      if (planned.uses) {
        const earlier = done.get(planned.uses.call);
        const body = earlier
          ? decodeBody(earlier.exchange.response.body, "json", { maxDepth: engine.maxDepth })
          : undefined;
        const value = body?.ok ? resolvePointer(body.value, planned.uses.pointer) : undefined;
        if (value === undefined) continue;
        call = { ...planned, params: { ...planned.params, [planned.uses.param]: String(value) } };
      }
      const result = await execute(call);
      callsDone++;
      done.set(call.id, result);
      const pairOf = call.format === "xml" ? done.get(call.id.replace(/\.xml$/, "")) : undefined;
      if (call.format === "xml") addParity(pairOf, result);
      record(result);
    }
  }

  let ordinal = 0;
  const phases = planTasks(options.calls).map((phase) =>
    phase.filter(() => inShard(ordinal++, options.shard)),
  );
  callsTotal = phases.flat(2).length;
  try {
    for (const phase of phases) {
      const queue = [...phase];
      const workers = Array.from({ length: Math.min(options.concurrency, queue.length) }, async () => {
        for (let task = queue.shift(); task && !signal?.aborted; task = queue.shift()) await runTask(task);
      });
      await Promise.all(workers);
      if (signal?.aborted) break;
    }
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
  return { exchanges: index - transportFailures, transportFailures };
}
