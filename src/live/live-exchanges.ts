import http from "node:http";
import https from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { decodeBody } from "../decode/decode-body.js";
import type { RawExchange } from "../model/exchange.js";
import { resolvePointer } from "../model/json-pointer.js";
import { inShard, type Shard } from "../model/shard.js";
import type { Credentials } from "../providers/credentials.js";
import type { Dialect } from "../providers/dialect.js";
import type { TransportFailure } from "../types/generated/report.js";
import type { CallSpec } from "./call-spec.js";
import { sendRequest, type Timeouts } from "./http-exchange.js";
import { ItemQueue } from "./item-queue.js";
import { planTasks } from "./plan-tasks.js";
import { displayUrl, redactExchange, runSecrets, scrubText } from "./redact.js";
import { signedRequest } from "./signed-request.js";
import { backoffMs, isThrottled } from "./throttling.js";

export interface LiveSourceOptions {
  target: URL;
  calls: readonly CallSpec[];
  credentials: Credentials;
  concurrency: number;
  timeouts: Timeouts;
  maxBodyBytes: number;
  /** How deep an answer is decoded to find the value a later call uses (the engine's maxDepth). */
  maxDepth: number;
  /** Retries of a call that was throttled, after back-off (each attempt is an exchange). */
  throttleRetries: number;
  signal?: AbortSignal | undefined;
  /** Make only this slice of the run's tasks (an Alibaba JSON/XML pair or a create/delete chain stays whole). */
  shard?: Shard | undefined;
  /**
   * When the target is a built-in sandbox the caller started (RunningSandbox.throttle): puts the
   * dialect's key into the throttled state and returns its release. The throttling probes then send one
   * request each inside that state instead of repeating their call until the target throttles it.
   */
  throttle?: ((dialect: Dialect) => () => void) | undefined;
}

/** The run's calls: made so far (a call's retries and attempts count once) and in all. */
export interface CallProgress {
  done: number;
  total: number;
}

/** What the live source yields: an answered call, redacted, or a call that got no complete answer. */
export type LiveItem =
  | { kind: "exchange"; exchange: RawExchange; startedAt: Date; durationMs: number; calls: CallProgress }
  | { kind: "transport-failure"; failure: TransportFailure; calls: CallProgress };

interface Answer {
  exchange: RawExchange;
  startedAt: Date;
  durationMs: number;
}

/**
 * The live target as a source of exchanges, like the HAR and NDJSON readers: the action calls first
 * (read-only ones, then those that create and delete, a call that `uses` an earlier answer after it), then
 * the probes, throttling last so that it does not slow the others; `concurrency` tasks at once. Each call
 * is signed, sent and redacted (every credential value the run uses and the request's own signature
 * scrubbed from request and response, see redact.ts) before it is yielded, with the hints it was made with
 * and, for a probe, the answer it must draw: nothing unredacted leaves this function, not the target URL,
 * not an echoed key id. A throttled call is retried after back-off, and every attempt is yielded; the
 * throttling probe's attempts all carry the probe (rule probe-expected-code judges the one throttled).
 */
export async function* liveExchanges(options: LiveSourceOptions): AsyncGenerator<LiveItem> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const queue = new ItemQueue<LiveItem>();
  const running = callTarget({ ...options, signal }, queue).then(
    () => queue.close(),
    (error: unknown) => queue.fail(error),
  );
  try {
    yield* queue;
  } finally {
    stop.abort();
    await running;
  }
}

async function callTarget(
  options: LiveSourceOptions & { signal: AbortSignal },
  queue: ItemQueue<LiveItem>,
): Promise<void> {
  const { target, signal } = options;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: options.concurrency }),
    https: new https.Agent({ keepAlive: true, maxSockets: options.concurrency }),
  };
  let index = 0;
  const calls: CallProgress = { done: 0, total: 0 };
  // What reports, recordings and the terminal show of the target: no user name, password or token.
  const location = displayUrl(target);
  const secrets = runSecrets(options.credentials, target);

  const emit = (answer: Answer) => queue.push({ kind: "exchange", ...answer, calls: { ...calls } });

  async function attempt(call: CallSpec, label: string): Promise<Answer | undefined> {
    const request = signedRequest(call, target, options.credentials, Math.floor(Date.now() / 1000));
    const startedAt = new Date();
    const source = { file: location, index: index++, probe: label };
    const outcome = await sendRequest(request, {
      timeouts: options.timeouts,
      maxBodyBytes: options.maxBodyBytes,
      agents,
      signal,
    });
    if (!outcome.ok) {
      const failure: TransportFailure = {
        source,
        kind: outcome.kind,
        message: scrubText(outcome.message, secrets),
        durationMs: outcome.durationMs,
      };
      queue.push({ kind: "transport-failure", failure, calls: { ...calls } });
      return undefined;
    }
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    // Redacted before it leaves: findings, excerpts and the recording are made of what may be shown.
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
        ...(call.probe ? { probe: call.probe } : {}),
      },
      secrets,
    );
    return { exchange, startedAt, durationMs: outcome.durationMs };
  }

  /** One call, retried after back-off while it is throttled; every attempt but the last is yielded here. */
  async function execute(call: CallSpec): Promise<Answer | undefined> {
    if (call.repeatUntilThrottled) return provokeThrottling(call);
    for (let n = 0; ; n++) {
      const answer = await attempt(call, n === 0 ? call.id : `${call.id}#retry${n}`);
      if (!answer || signal.aborted || n >= options.throttleRetries) return answer;
      const { status, body, headers } = answer.exchange.response;
      if (!isThrottled(call.dialect, call.format, status, body)) return answer;
      emit(answer);
      await sleep(backoffMs(n, headers), undefined, { signal }).catch(() => {});
    }
  }

  /**
   * The throttling probe. Against a sandbox with a throttle hook: one request while the hook holds the
   * dialect throttled. Otherwise: the same call until the target throttles it, at most as often as the
   * probe allows.
   */
  async function provokeThrottling(call: CallSpec): Promise<Answer | undefined> {
    if (options.throttle) {
      const release = options.throttle(call.dialect);
      try {
        return await attempt(call, call.id);
      } finally {
        release();
      }
    }
    const limit = call.repeatUntilThrottled ?? 1;
    for (let n = 1; n <= limit && !signal.aborted; n++) {
      const answer = await attempt(call, `${call.id}#${n}`);
      if (!answer) return undefined;
      const { status, body } = answer.exchange.response;
      if (n === limit || isThrottled(call.dialect, call.format, status, body)) return answer;
      emit(answer);
    }
    return undefined;
  }

  /** The value a call takes from an earlier call's answer (the id it deletes), if that answer has it. */
  function usedValue(call: CallSpec, answers: Map<string, Answer | undefined>): string | undefined {
    if (!call.uses) return undefined;
    const earlier = answers.get(call.uses.call);
    if (!earlier) return undefined;
    const decoded = decodeBody(earlier.exchange.response.body, "json", { maxDepth: options.maxDepth });
    const value = decoded.ok ? resolvePointer(decoded.value, call.uses.pointer) : undefined;
    return value === undefined ? undefined : String(value);
  }

  async function runTask(task: CallSpec[]): Promise<void> {
    const answers = new Map<string, Answer | undefined>();
    for (const planned of task) {
      if (signal.aborted) return;
      let call = planned;
      if (planned.uses) {
        const value = usedValue(planned, answers);
        if (value === undefined) continue;
        call = { ...planned, params: { ...planned.params, [planned.uses.param]: value } };
      }
      const answer = await execute(call);
      calls.done++;
      answers.set(call.id, answer);
      if (answer) emit(answer);
    }
  }

  let ordinal = 0;
  const phases = planTasks(options.calls).map((phase) =>
    phase.filter(() => inShard(ordinal++, options.shard)),
  );
  calls.total = phases.flat(2).length;
  try {
    for (const phase of phases) {
      // Taken by index: shift() on a long array moves the rest each time (a run of 100,000 calls).
      let next = 0;
      const workers = Array.from({ length: Math.min(options.concurrency, phase.length) }, async () => {
        for (let task = phase[next++]; task && !signal.aborted; task = phase[next++]) await runTask(task);
      });
      await Promise.all(workers);
      if (signal.aborted) break;
    }
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}
