import type { ContractMatchers, DialectContractForm } from "../contract-form.js";
import {
  asRecordedRequest,
  type ReplayedRequest,
  replayedBodyText,
  replayedHeaders,
} from "../replayed-request.js";
import { type CallToSign, type SigningKeys, UNKNOWN } from "../request-form.js";
import { signedJsonContractRequest } from "../signed-json-contract-request.js";
import { tencent } from "./envelope.js";
import { tencentRequests } from "./requests.js";
import { signTc3 } from "./tc3.js";

/**
 * Tencent Cloud API 3.0 in the contracts. Requests as tencentcloud-sdk-nodejs's CommonClient sends them
 * (requests.ts): a JSON POST to / with X-TC-Action, -Version, -Region exact, X-TC-Timestamp a number and a
 * TC3 Authorization whose credential scope names the product's service (which the Verifier signs for).
 * Answers: `{ Response: { …, RequestId } }`, errors with HTTP 200 (failures.ts), no request-ID header
 * required (X-TC-RequestId comes only on event streams, provider-facts §1).
 */

const TC3_AUTHORIZATION =
  "^TC3-HMAC-SHA256 Credential=[^/\\s]+/\\d{4}-\\d{2}-\\d{2}/[^/\\s]+/tc3_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$";

const request = (call: CallToSign, example: SigningKeys, matchers: ContractMatchers) =>
  signedJsonContractRequest(tencentRequests, call, example, matchers, {
    timestampHeader: "X-TC-Timestamp",
    authorizationPattern: TC3_AUTHORIZATION,
  });

/**
 * The service a replayed request is signed for: the one its own TC3 credential scope names (the contract's
 * example, from the product's `service`), as detection reads it.
 */
function serviceOf(request: ReplayedRequest): string {
  const replayed = asRecordedRequest(request);
  const { product } = tencentRequests.identify(replayed, new URL(replayed.url));
  if (product === UNKNOWN)
    throw new Error(
      `a Tencent request without a TC3 credential scope: ${String(request.headers.authorization)}`,
    );
  return product;
}

/** TC3 over the replayed body and path, with the request's own Content-Type; X-TC-Timestamp rewritten. */
function signReplayed(request: ReplayedRequest, target: URL, keys: SigningKeys): void {
  const { authorization } = signTc3({
    secretId: keys.id,
    secretKey: keys.secret,
    service: serviceOf(request),
    host: target.hostname,
    timestamp: keys.timestamp,
    contentType: String(request.headers["content-type"] ?? "application/json"),
    body: replayedBodyText(request),
    method: request.method.toUpperCase(),
    path: new URL(request.url, "http://x").pathname,
  });
  request.headers["x-tc-timestamp"] = String(keys.timestamp);
  request.headers.authorization = authorization;
}

export const tencentContractForm: DialectContractForm = {
  id: "tencent",
  request,
  signReplayed,
  wireCopy: (request) => ({
    headers: replayedHeaders(request, /^(content-type|authorization|x-tc-)/),
    body: JSON.stringify(request.body ?? {}),
  }),
  requestIdPattern: tencent.requestIdShape.pattern.source,
  exampleRequestId: (uuid) => uuid,
  requestIdMember: "RequestId",
  jsonContentType: "application/json",
  requestIdHeaderOnEveryAnswer: false,
  successBody: (payload) => ({ Response: payload }),
  errorBody: ({ code, message, requestId }) => ({
    example: { Response: { Error: { Code: code, Message: message }, RequestId: requestId } },
  }),
};
