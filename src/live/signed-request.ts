import type { Credentials } from "../providers/credentials.js";
import { dialectRequests, type OutgoingRequest } from "../providers/dialect-requests.js";
import type { CallSpec } from "./call-spec.js";

export type { OutgoingRequest };

/**
 * Builds and signs one call against `target` the way the official SDKs do, in its dialect's form
 * (src/providers/DIALECT/requests.ts: Tencent TC3 over a JSON POST, Alibaba RPC HMAC-SHA1 over the query,
 * Zenlayer ZC2 over a JSON POST to /api/v2/SERVICE). A probe's signing faults (another key id, a wrong
 * secret, a shifted clock) are applied to the keys and the time before the dialect signs.
 */
export function signedRequest(
  call: CallSpec,
  target: URL,
  credentials: Credentials,
  nowSeconds: number,
): OutgoingRequest {
  const pair = credentials[call.dialect];
  return dialectRequests[call.dialect].signedRequest(call, target, {
    id: call.signing?.keyId ?? pair.id,
    secret: pair.secret + (call.signing?.secretSuffix ?? ""),
    timestamp: nowSeconds + (call.signing?.timestampOffsetSeconds ?? 0),
  });
}
