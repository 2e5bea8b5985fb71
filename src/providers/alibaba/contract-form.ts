import { randomUUID } from "node:crypto";
import type {
  ContractError,
  ContractMatchers,
  ContractRequestForm,
  DialectContractForm,
} from "../contract-form.js";
import type { ProductDefinition } from "../product.js";
import { type ReplayedRequest, replayedHeaders } from "../replayed-request.js";
import type { CallToSign, SigningKeys } from "../request-form.js";
import { EXAMPLE_TARGET } from "../signed-json-contract-request.js";
import { alibabaRequests } from "./requests.js";
import { signRpc } from "./rpc-signature.js";

/**
 * Alibaba Cloud RPC in the contracts. Requests as @alicloud/pop-core's RPCClient sends them (requests.ts,
 * checked against lib/rpc.js and the consumer test): GET / with every signed parameter in the query,
 * AccessKeyId, SignatureNonce and Signature a type matcher, Timestamp a regex of yyyy-MM-ddTHH:mm:ssZ,
 * Action, Format, SignatureMethod, SignatureVersion, Version, RegionId and the action's own exact; no body.
 * Answers: the payload at the root with its RequestId, repeated in x-acs-request-id on every answer
 * (provider-facts §1); errors with RequestId, HostId, Code and Message.
 */

const HEX = "[0-9a-fA-F]";

/**
 * Alibaba's last UUID group: 12 hex digits, or hex digits followed by the mask the documentation puts on
 * the tail of example IDs (seed 004: `540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx`), at least one digit left.
 * Spelt out as alternatives rather than with a look-ahead: not every Pact implementation's regex engine
 * has look-around (Rust's `regex` crate has none), and a pact file is read by all of them.
 */
const repeat = (atom: string, times: number) => (times === 1 ? atom : `${atom}{${times}}`);
const MASKED_TAIL = Array.from(
  { length: 12 },
  (_, masked) => `${repeat(HEX, 12 - masked)}${masked > 0 ? repeat("x", masked) : ""}`,
).join("|");

/**
 * The dialect's request-ID shape (envelope.ts: a UUID, the documentation's "x" masking allowed) narrowed
 * to what a provider can answer: the mask only on the tail of the last group, so that an all-`x` ID (a
 * placeholder, not an ID) is refused; every ID this accepts the dialect's shape accepts too
 * (test/contracts/strictness.test.ts).
 */
const REQUEST_ID_PATTERN = `^${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-(?:${MASKED_TAIL})$`;

/** Fixed examples of what every signed call changes: contracts carry no random nonce or real signature. */
const EXAMPLE_NONCE = "0123456789abcdef0123456789abcdef";
const EXAMPLE_SIGNATURE = "c2lnbmF0dXJlLWV4YW1wbGUtMDAwMDA=";

/** Alibaba's Timestamp: ISO 8601 in UTC, no milliseconds. */
const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

function request(
  call: CallToSign,
  example: SigningKeys,
  { like, regex }: ContractMatchers,
): ContractRequestForm {
  const signed = alibabaRequests.signedRequest(call, EXAMPLE_TARGET, example);
  const url = new URL(signed.url);
  return {
    method: signed.method,
    path: url.pathname,
    headers: {},
    query: {
      ...Object.fromEntries(url.searchParams),
      AccessKeyId: like(example.id),
      SignatureNonce: like(EXAMPLE_NONCE),
      Timestamp: regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", isoSeconds(example.timestamp)),
      Signature: like(EXAMPLE_SIGNATURE),
    },
    body: undefined,
  };
}

/**
 * RPC HMAC-SHA1 over the replayed query rewritten: the overrides, the key id, a fresh nonce and the time
 * replaced, Signature last.
 */
function signReplayed(
  request: ReplayedRequest,
  _target: URL,
  keys: SigningKeys,
  overrides: Readonly<Record<string, string>>,
): void {
  const url = new URL(request.url, "http://x");
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  delete params.Signature;
  Object.assign(params, overrides, {
    AccessKeyId: keys.id,
    SignatureNonce: randomUUID(),
    Timestamp: isoSeconds(keys.timestamp),
  });
  params.Signature = signRpc(request.method.toUpperCase(), params, keys.secret);
  request.url = `${url.pathname}?${new URLSearchParams(params).toString().replace(/\+/g, "%20")}`;
}

/** An error's HostId: the product's public endpoint for the call's region. */
function hostIdOf(product: ProductDefinition, region: string | null): string {
  if (!product.endpoint) throw new Error(`${product.dialect}/${product.id} has no endpoint for HostId`);
  return product.endpoint(region ?? undefined);
}

/** Where the product repeats the status in the body (errorBodyStatus: KMS), HttpStatus, exact. */
function errorBody({ product, region, code, message, requestId, status }: ContractError) {
  const example = { RequestId: requestId, HostId: hostIdOf(product, region), Code: code, Message: message };
  return product.errorBodyStatus ? { example, exact: { HttpStatus: status } } : { example };
}

export const alibabaContractForm: DialectContractForm = {
  id: "alibaba",
  request,
  signReplayed,
  wireCopy: (request) => ({
    headers: replayedHeaders(request, /^(content-type|authorization)/),
    body: undefined,
  }),
  requestIdPattern: REQUEST_ID_PATTERN,
  exampleRequestId: (uuid) => uuid,
  requestIdMember: "RequestId",
  jsonContentType: "application/json;charset=utf-8",
  requestIdHeaderOnEveryAnswer: true,
  successBody: (payload) => payload,
  errorBody,
};
