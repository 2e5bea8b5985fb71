import type { Dialect } from "./dialect.js";
import type { ProductDefinition } from "./product.js";
import type { ReplayedRequest } from "./replayed-request.js";
import type { CallToSign, SigningKeys } from "./request-form.js";

/**
 * What a dialect's Pact contracts look like (docs/contracts.md): the request its official clients send,
 * with matchers for the parts each signed call changes; how a request the Pact Verifier replays is signed
 * again; and the dialect's answers as a contract states them (envelope, request-ID regex and example,
 * response headers). One module per dialect implements it (src/providers/DIALECT/contract-form.ts);
 * src/providers/dialect-contract-forms.ts is the table the contracts layer reads instead of telling the
 * dialects apart. Types only: the providers import no Pact. Where a form needs Pact's matchers, the
 * contracts layer passes them in (`ContractMatchers`).
 */
export interface DialectContractForm {
  id: Dialect;

  // --- Requests (contracts generate)

  /**
   * The request of `call` as the official client sends it: the dialect's method, path, headers and query
   * (as DIALECT/requests.ts signs them with `example`: the example key id and the contracts' fixed time),
   * the fixed parts exact, the parts each signed call changes (time, nonce, key id, signature) as matchers
   * whose examples carry no clock time, random id or real signature.
   */
  request(call: CallToSign, example: SigningKeys, matchers: ContractMatchers): ContractRequestForm;

  // --- Replayed requests (contracts verify: the Verifier's request filter)

  /**
   * Signs a request the Verifier replays against `target` again, in place, with `keys` (a provider state's
   * faults already applied: another key id, a wrong secret, a shifted time). `overrides` replace request
   * parameters (a value an earlier call created, e.g. ESS ScalingGroupId) where the dialect carries them in
   * the signed query.
   */
  signReplayed(
    request: ReplayedRequest,
    target: URL,
    keys: SigningKeys,
    overrides: Readonly<Record<string, string>>,
  ): void;
  /**
   * A signed replayed request as sent straight to the target, past the Verifier (to spend a real target's
   * rate limit): the headers it needs and its body (undefined: none).
   */
  wireCopy(request: ReplayedRequest): { headers: Record<string, string>; body: string | undefined };

  // --- Answers

  /**
   * The request-ID regex of the contracts (whole value, Rust `regex` syntax: no look-around): what a
   * provider may answer, never wider than the dialect's `requestIdShape`.
   */
  requestIdPattern: string;
  /** An example request ID from a UUID already in the product's letter case (Zenlayer: a "T" before it). */
  exampleRequestId(uuid: string): string;
  /** The member of a success payload (and of a success body without one) that carries the request ID. */
  requestIdMember: string;
  /** The Content-Type example of a JSON answer (the contracts match `^application/json.*$`). */
  jsonContentType: string;
  /**
   * Whether every answer repeats the request ID in the dialect's `requestIdHeader`, so that a contract may
   * require the header (Alibaba x-acs-request-id); false where only some answers carry it (Tencent
   * X-TC-RequestId, on event streams) or the dialect has none.
   */
  requestIdHeaderOnEveryAnswer: boolean;
  /**
   * A success body around its payload (the payload already with its matchers; `requestId` the example's
   * ID, for a copy of it outside the payload: Zenlayer's outer `requestId`).
   */
  successBody(payload: unknown, requestId: string, matchers: ContractMatchers): unknown;
  /**
   * An error body's example in the dialect's envelope (the contracts layer gives it the envelope schema's
   * matchers), and the members added after, exact, that the schema does not require but the contract does
   * (Alibaba KMS `HttpStatus`, equal to the interaction's status).
   */
  errorBody(error: ContractError): { example: Record<string, unknown>; exact?: Record<string, unknown> };
}

/** Pact's matchers, passed in by the contracts layer (MatchersV3's `like` and `regex`). */
export interface ContractMatchers {
  /** A value of the example's type. */
  like(example: unknown): unknown;
  /** A string that `pattern` matches as a whole. */
  regex(pattern: string, example: string): unknown;
}

/** A request of the contract: fixed parts exact, the parts each signed call changes as matchers. */
export interface ContractRequestForm {
  method: string;
  path: string;
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The JSON body (Tencent, Zenlayer); undefined for a request without one (Alibaba's query-only GET). */
  body: unknown;
}

/** An error interaction's facts, from the product's code table and probe. */
export interface ContractError {
  product: ProductDefinition;
  /** The call's region (an Alibaba error's HostId names the product's endpoint there). */
  region: string | null;
  code: string;
  /** The code table's description. */
  message: string;
  requestId: string;
  /** The probe's expected status, or its class. */
  status: number | "4xx";
}
