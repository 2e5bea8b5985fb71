import type { ContractMatchers, DialectContractForm } from "../contract-form.js";
import { type ReplayedRequest, replayedBodyText, replayedHeaders } from "../replayed-request.js";
import type { CallToSign, SigningKeys } from "../request-form.js";
import { signedJsonContractRequest } from "../signed-json-contract-request.js";
import { zenlayer } from "./envelope.js";
import { zenlayerRequests } from "./requests.js";
import { signZc2 } from "./zc2.js";

/**
 * Zenlayer Cloud in the contracts. Requests as requests.ts signs them: a JSON POST to /api/v2/SERVICE
 * with X-ZC-Action, -Version, -Signature-Method exact, X-ZC-Timestamp a number and a ZC2 Authorization.
 * Answers: `{ requestId, response: { …, requestId } }`, errors `{ requestId, code, message }`; request IDs
 * are a "T" before an upper-case UUID; no request-ID header.
 */

const ZC2_AUTHORIZATION =
  "^ZC2-HMAC-SHA256 Credential=[^,\\s]+, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$";

const request = (call: CallToSign, example: SigningKeys, matchers: ContractMatchers) =>
  signedJsonContractRequest(zenlayerRequests, call, example, matchers, {
    timestampHeader: "X-ZC-Timestamp",
    authorizationPattern: ZC2_AUTHORIZATION,
  });

/** ZC2 over the replayed body, with the request's own Content-Type; X-ZC-Timestamp rewritten. */
function signReplayed(request: ReplayedRequest, target: URL, keys: SigningKeys): void {
  const { authorization } = signZc2({
    accessKeyId: keys.id,
    accessKeyPassword: keys.secret,
    host: target.hostname,
    timestamp: keys.timestamp,
    contentType: String(request.headers["content-type"] ?? "application/json"),
    body: replayedBodyText(request),
    method: request.method.toUpperCase(),
  });
  request.headers["x-zc-timestamp"] = String(keys.timestamp);
  request.headers.authorization = authorization;
}

export const zenlayerContractForm: DialectContractForm = {
  id: "zenlayer",
  request,
  signReplayed,
  wireCopy: (request) => ({
    headers: replayedHeaders(request, /^(content-type|authorization|x-zc-)/),
    body: JSON.stringify(request.body ?? {}),
  }),
  requestIdPattern: zenlayer.requestIdShape.pattern.source,
  exampleRequestId: (uuid) => `T${uuid}`,
  requestIdMember: "requestId",
  jsonContentType: "application/json",
  requestIdHeaderOnEveryAnswer: false,
  successBody: (payload, requestId, { regex }) => ({
    requestId: regex(zenlayer.requestIdShape.pattern.source, requestId),
    response: payload,
  }),
  errorBody: ({ code, message, requestId }) => ({ example: { requestId, code, message } }),
};
