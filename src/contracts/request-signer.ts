import type { Credentials } from "../providers/credentials.js";
import { DIALECTS, type Dialect } from "../providers/dialect.js";
import { dialectContractForms } from "../providers/dialect-contract-forms.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import { asRecordedRequest, type ReplayedRequest } from "../providers/replayed-request.js";
import type { StateSigning } from "./provider-states.js";

export type { ReplayedRequest };

/**
 * The order in which replayed requests are asked for their dialect, as src/providers/detect-exchange.ts
 * asks: the dialects that only their own headers announce first, those announced by other signs too
 * (Alibaba's RPC parameters, the weakest sign) last.
 */
const ANNOUNCEMENT_ORDER: readonly Dialect[] = [...DIALECTS].sort(
  (a, b) => dialectRequests[a].announcedBy.other.length - dialectRequests[b].announcedBy.other.length,
);

/**
 * Which dialect a replayed request speaks, as detection tells it from the request's own headers and
 * parameters (DialectRequests.announces: X-TC-Action, X-ZC-Action, Alibaba's RPC parameters).
 */
export function dialectOf(request: ReplayedRequest): Dialect | undefined {
  const recorded = asRecordedRequest(request);
  return ANNOUNCEMENT_ORDER.find((dialect) => dialectRequests[dialect].announces(recorded));
}

/**
 * Signs a replayed contract request for `target` as src/live/signed-request.ts does, in its dialect's
 * contract form (src/providers/DIALECT/contract-form.ts: TC3, Alibaba RPC HMAC-SHA1 over a rewritten
 * query, ZC2), with the provider state's faults: a wrong secret, an unknown key id, an old timestamp;
 * `overrides` replace query parameters (e.g. a created ScalingGroupId).
 */
export function signReplayedRequest(
  request: ReplayedRequest,
  target: URL,
  credentials: Credentials,
  signing: StateSigning,
  nowSeconds: number,
  overrides: Record<string, string> = {},
): void {
  const dialect = dialectOf(request);
  if (!dialect) return;
  const keys = {
    id: signing.keyId ?? credentials[dialect].id,
    secret: credentials[dialect].secret + (signing.secretSuffix ?? ""),
    timestamp: nowSeconds + (signing.timestampOffsetSeconds ?? 0),
  };
  dialectContractForms[dialect].signReplayed(request, target, keys, overrides);
}
