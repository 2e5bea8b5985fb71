import { decodeBody } from "../decode/decode-body.js";
import { actionCall } from "../live/action-calls.js";
import { signedRequest } from "../live/signed-request.js";
import { resolvePointer } from "../model/json-pointer.js";
import type { Credentials } from "../providers/credentials.js";
import { DIALECTS, type Dialect, isDialect } from "../providers/dialect.js";
import { dialectContractForms } from "../providers/dialect-contract-forms.js";
import { THROTTLING_CODE_PATTERN } from "../rules/group-throttled-answer.js";
import type { PactFileSummary } from "./contract-file.js";
import { Verifier } from "./load-pact.js";
import { ALL_STATES, preparationFor, STATES, type StatePreparation, signingFor } from "./provider-states.js";
import { dialectOf, type ReplayedRequest, signReplayedRequest } from "./request-signer.js";
import { type InteractionVerdict, interactionVerdicts } from "./verifier-results.js";

export interface PactVerification extends PactFileSummary {
  passed: boolean;
  interactions: InteractionVerdict[];
}

/** Puts a dialect's key into the target's throttled state; returns its release (RunningSandbox.throttle). */
export type ThrottleHook = (dialect: Dialect) => () => void;

export interface VerifyOptions {
  /**
   * The target's throttle hook, when the target is a built-in sandbox in this process: "requests are
   * throttled" then holds the pact's dialect throttled from the state's setup to its teardown. Without
   * it (a real target), the request filter spends the target's rate limit first (exhaust, keepDrained).
   */
  throttle?: ThrottleHook | undefined;
}

/**
 * A throttled answer's text: each product's throttling code (or a sub-code of it) as a JSON string or an
 * XML element's text.
 */
const THROTTLE_CODES = new RegExp(`(?:"|<Code>)(?:${THROTTLING_CODE_PATTERN})(?:\\.[^"<]*)?(?:"|</Code>)`);
/** Against a real target: after throttling, the dialect's next interactions wait this long for a refill. */
const REFILL_MS = 4000;

const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the state handlers leave for the request filter: the current state and what it created. */
class VerificationSession {
  state: string = STATES.valid;
  /** The value the state's earlier call answered, for the request's parameter (StatePreparation). */
  prepared: { param: string; value: string } | undefined;
  /** When each dialect's drained bucket was last let go. */
  readonly lastThrottledAt = new Map<string, number>();

  constructor(
    readonly target: URL,
    readonly credentials: Credentials,
  ) {}

  /** Sends one signed copy of a replayed request straight to the target; its body text. */
  async sendCopy(request: ReplayedRequest): Promise<string> {
    const copy: ReplayedRequest = { ...request, headers: { ...request.headers } };
    const dialect = dialectOf(copy);
    if (!dialect) return "";
    signReplayedRequest(copy, this.target, this.credentials, {}, now());
    const { headers, body } = dialectContractForms[dialect].wireCopy(copy);
    const response = await fetch(new URL(copy.url, this.target), { method: copy.method, headers, body });
    return response.text();
  }

  /** Spends the target's rate limit with valid copies of the request until one is throttled. */
  async exhaust(request: ReplayedRequest): Promise<void> {
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(Array.from({ length: 25 }, () => this.sendCopy(request)));
      if (answers.some((text) => THROTTLE_CODES.test(text))) return;
    }
    throw new Error("the target never throttled (500 signed calls)");
  }

  /**
   * Keeps the drained bucket drained until `done` settles: the bucket refills fractionally, so without
   * this a token could come back between the draining and the interaction's own request.
   */
  keepDrained(request: ReplayedRequest, done: Promise<unknown>): void {
    let finished = false;
    void done.finally(() => {
      finished = true;
    });
    const loop = async () => {
      while (!finished) await this.sendCopy(request).catch(() => undefined);
    };
    for (let i = 0; i < 16; i++) void loop();
  }

  /**
   * The state of a call that uses an earlier call's answer ("a scaling group exists" for ESS
   * DeleteScalingGroup): makes that earlier call (CreateScalingGroup), signed, and keeps the value its
   * answer has at the pointer (ScalingGroupId) for the request's parameter.
   */
  async prepare({ call: id, pointer, param }: StatePreparation): Promise<void> {
    const call = { ...actionCall(id), format: "json" as const };
    const request = signedRequest(call, this.target, this.credentials, now());
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
    });
    const decoded = decodeBody(await response.text(), "json", { maxDepth: 64 });
    const value = decoded.ok ? resolvePointer(decoded.value, pointer) : undefined;
    if (value === undefined || value === null || value === "")
      throw new Error(`${call.action} answered ${response.status} without ${pointer.slice(1)}`);
    this.prepared = { param, value: String(value) };
  }
}

/** The dialects a pact's provider speaks: its name's first part (tencent-cvm), else all of them. */
function dialectsOf(pact: PactFileSummary): readonly Dialect[] {
  const prefix = pact.provider.split("-")[0];
  return isDialect(prefix) ? [prefix] : DIALECTS;
}

/**
 * Verifies pact files against `target` with pact's Verifier: state handlers record the state (and create
 * what it needs), a request filter signs every replayed request as the official SDKs do, with the state's
 * faults. "requests are throttled" holds the dialect throttled through `options.throttle` (a built-in
 * sandbox), else the filter exhausts the target's rate limit first. One Verifier run per file.
 *
 * The Verifier's own report is written by pact's native core straight to this process's standard output;
 * src/contracts/verifier-process.ts runs this in a child process to keep it off the terminal.
 */
export async function verifyContracts(
  pacts: readonly PactFileSummary[],
  target: URL,
  credentials: Credentials,
  options: VerifyOptions = {},
): Promise<PactVerification[]> {
  const session = new VerificationSession(target, credentials);
  const { throttle } = options;
  /** Releases of the throttle holds taken by the state handlers and not yet torn down. */
  const holds = new Set<() => void>();
  const stateHandlersFor = (pact: PactFileSummary) =>
    Object.fromEntries(
      ALL_STATES.map((state) => {
        const setup = async () => {
          session.state = state;
          session.prepared = undefined;
          const prepares = preparationFor(state);
          if (prepares) await session.prepare(prepares);
          if (throttle && state === STATES.throttled)
            for (const dialect of dialectsOf(pact)) holds.add(throttle(dialect));
          return undefined;
        };
        const teardown = async () => {
          for (const release of holds) release();
          holds.clear();
          return undefined;
        };
        return [state, { setup, teardown }];
      }),
    );
  const requestFilter = (
    request: ReplayedRequest & { path: string },
    response: { once(event: "finish" | "close", listener: () => void): void },
    next: (error?: unknown) => void,
  ) => {
    if (request.path.startsWith("/_pact")) return next();
    const dialect = dialectOf(request);
    if (!dialect) return next();
    const signing = signingFor(session.state, dialect);
    void (async () => {
      if (!throttle) {
        // A real target: throttle it by spending its rate limit, and let it refill afterwards.
        if (signing.throttled) {
          const pristine: ReplayedRequest = { ...request, headers: { ...request.headers } };
          await session.exhaust(pristine);
          session.keepDrained(
            pristine,
            new Promise((resolve) => {
              const settle = () => {
                session.lastThrottledAt.set(dialect, Date.now());
                resolve(undefined);
              };
              response.once("finish", settle);
              response.once("close", settle);
            }),
          );
        } else {
          const wait =
            (session.lastThrottledAt.get(dialect) ?? Number.NEGATIVE_INFINITY) + REFILL_MS - Date.now();
          if (wait > 0) await sleep(wait);
        }
      }
      const overrides: Record<string, string> = {};
      if (signing.prepares && session.prepared) overrides[session.prepared.param] = session.prepared.value;
      signReplayedRequest(request, target, credentials, signing, now(), overrides);
    })().then(() => next(), next);
  };
  const results: PactVerification[] = [];
  try {
    for (const pact of pacts) {
      const verifier = new Verifier({
        provider: pact.provider,
        providerBaseUrl: target.toString().replace(/\/$/, ""),
        pactUrls: [pact.file],
        logLevel: "error",
        changeOrigin: true,
        // Setup/teardown handlers are pact-js 16's StateHandlers; its option type also demands message ones.
        stateHandlers: stateHandlersFor(pact) as never,
        requestFilter: requestFilter as never,
      });
      let output: string;
      let ok: boolean;
      try {
        output = String(await verifier.verifyProvider());
        ok = true;
      } catch (error) {
        output = (error as Error).message ?? String(error);
        ok = false;
      }
      const interactions = interactionVerdicts(pact, output, ok);
      results.push({ ...pact, passed: interactions.every((i) => i.passed), interactions });
    }
  } finally {
    for (const release of holds) release();
  }
  return results;
}
