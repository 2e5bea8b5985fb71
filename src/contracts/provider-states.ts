import { callId } from "../live/action-calls.js";
import type { CallSpec } from "../live/call-spec.js";
import { PROBE_FAULTS, UNKNOWN_KEY_IDS } from "../providers/probe-faults.js";
import { PRODUCTS } from "../providers/registry.js";
import { productOf } from "./contract-products.js";

/** An earlier call the state makes before the request, and where its answer's value goes in the request. */
export interface StatePreparation {
  /** The action call to make first (its id: alibaba/ess/CreateScalingGroup). */
  call: string;
  /** JSON pointer into that call's answer. */
  pointer: string;
  /** The request parameter the value replaces. */
  param: string;
}

/** What a provider state asks of the request signer (the verifier's request filter). */
export interface StateSigning {
  /** Sign with the configured secret plus this suffix: a wrong secret. */
  secretSuffix?: string;
  /** Use this access key id instead of the configured one: an unknown key. */
  keyId?: string;
  /** Shift the signed timestamp by this many seconds. */
  timestampOffsetSeconds?: number;
  /** The target throttles the request: the sandbox's throttle hook, else its rate limit spent just before. */
  throttled?: boolean;
  /** Make an earlier call first and put a value of its answer in the request (a call's `uses`). */
  prepares?: StatePreparation;
}

/** The states every product shares: valid credentials, and the probes' signing faults and throttling. */
export const STATES = {
  valid: "requests are signed with valid credentials",
  wrongSecret: "requests are signed with a wrong secret",
  unknownKey: "the access key id is unknown",
  expired: "the request timestamp is an hour old",
  throttled: "requests are throttled",
} as const;

/** The provider state a call needs: its signing fault for a probe, else its action's (ActionCall.state). */
export function stateOf(call: CallSpec): string {
  if (call.repeatUntilThrottled !== undefined) return STATES.throttled;
  if (call.signing?.secretSuffix !== undefined) return STATES.wrongSecret;
  if (call.signing?.keyId !== undefined) return STATES.unknownKey;
  if (call.signing?.timestampOffsetSeconds !== undefined) return STATES.expired;
  if (call.probe) return STATES.valid;
  return productOf(call).calls.find((c) => c.action === call.action)?.state ?? STATES.valid;
}

/** The states of calls that take a value from an earlier call's answer, with that call. */
const PREPARATIONS = new Map<string, StatePreparation>(
  PRODUCTS.flatMap((product) =>
    product.calls.flatMap((call) =>
      call.state !== undefined && call.uses
        ? [
            [
              call.state,
              { call: callId(product, call.uses.action), pointer: call.uses.pointer, param: call.uses.param },
            ] as const,
          ]
        : [],
    ),
  ),
);

/** What each state asks of the signer; states not listed sign with valid credentials. */
export function signingFor(state: string, dialect: CallSpec["dialect"]): StateSigning {
  switch (state) {
    case STATES.wrongSecret:
      return PROBE_FAULTS.wrongSecret.signing;
    case STATES.unknownKey:
      return { keyId: UNKNOWN_KEY_IDS[dialect] };
    case STATES.expired:
      return PROBE_FAULTS.hourOldTimestamp.signing;
    case STATES.throttled:
      return { throttled: true };
  }
  const prepares = preparationFor(state);
  return prepares ? { prepares } : {};
}

/** The earlier call a state makes before the request (a call's `uses`), if it makes one. */
export const preparationFor = (state: string): StatePreparation | undefined => PREPARATIONS.get(state);

/** Every state a pact may name: the shared ones and each product call's own. */
export const ALL_STATES: readonly string[] = [
  ...new Set([
    ...Object.values(STATES),
    ...PRODUCTS.flatMap((p) => p.calls.flatMap((call) => (call.state === undefined ? [] : [call.state]))),
  ]),
];
