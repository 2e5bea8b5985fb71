import type { CallSpec } from "../live/call-spec.js";
import { resolvePointer } from "../model/json-pointer.js";
import { dialectContractForms } from "../providers/dialect-contract-forms.js";
import { dialectSpecs } from "../providers/dialect-specs.js";
import { productOf } from "./contract-products.js";
import { MatchersV3 } from "./load-pact.js";
import { recordedSuccessBody } from "./recorded-examples.js";
import { exampleRequestId, REQUEST_ID_PATTERNS } from "./request-id-shapes.js";
import { actionSchema, codeRow, envelopeSchemaFile, readSchemaFile } from "./schema-files.js";
import { withMatchers } from "./schema-matchers.js";

const { like, regex } = MatchersV3;

/** A response of the contract: status (a number, or a status-class matcher), headers and body. */
export interface ContractResponse {
  status: number | ReturnType<typeof MatchersV3.matchStatus>;
  headers: Record<string, unknown>;
  body: unknown;
}

/**
 * The response headers of an answer: its Content-Type (a regex of the format, the example the dialect's)
 * and, where the dialect repeats the request ID in a header on every answer (its contract form's
 * `requestIdHeaderOnEveryAnswer`: Alibaba `x-acs-request-id`, DialectSpec.requestIdHeader), that header
 * with the dialect's request-ID regex, its example the body's. Tencent sends `X-TC-RequestId` only on
 * server-sent-event answers (provider-facts §1; recordings/tencent-cvm.har has none): requiring it would
 * fail a conformant Tencent endpoint, and Pact cannot say "optional, equal to the body's when present"
 * (request-id-consistent judges that). Zenlayer has no such header. Pact matches header names
 * case-insensitively.
 */
export function responseHeaders(
  dialect: CallSpec["dialect"],
  format: "json" | "xml",
  requestId: string,
): Record<string, unknown> {
  const headers: Record<string, unknown> = {
    "Content-Type":
      format === "xml"
        ? regex("^text/xml.*$", "text/xml;charset=utf-8")
        : regex("^application/json.*$", dialectContractForms[dialect].jsonContentType),
  };
  const header = dialectSpecs[dialect].requestIdHeader;
  if (header && dialectContractForms[dialect].requestIdHeaderOnEveryAnswer)
    headers[header] = regex(REQUEST_ID_PATTERNS[dialect], requestId);
  return headers;
}

/**
 * The example success payload of an action: the recorded answer's payload (at the dialect's
 * `payloadPointer`: Tencent `Response`, Zenlayer `response`, Alibaba the root), else the schema's
 * required members.
 */
export function successExample(call: CallSpec): Record<string, unknown> {
  const recorded = recordedSuccessBody(call.dialect, call.product, call.action);
  const payload = resolvePointer(recorded, dialectSpecs[call.dialect].payloadPointer) as
    | Record<string, unknown>
    | undefined;
  if (payload) return payload;
  // An action without a recording (ESS DeleteScalingGroup in JSON): its schema requires the request ID alone.
  const requestId = exampleRequestId(call.dialect, call.product, call.id);
  return { [dialectContractForms[call.dialect].requestIdMember]: requestId };
}

/** The request ID of a success example (its dialect's `requestIdMember`: `RequestId`, Zenlayer `requestId`). */
const exampleIdOf = (call: CallSpec, payload: Record<string, unknown>) =>
  String(payload[dialectContractForms[call.dialect].requestIdMember] ?? "");

/**
 * A success answer: the recorded example in the dialect's envelope (its contract form's `successBody`),
 * with the action schema's matchers and only its required members (withMatchers), the request-ID header,
 * status 200.
 */
export function successResponse(call: CallSpec): ContractResponse {
  const schema = actionSchema(call.dialect, call.product, call.action);
  const context = { root: schema, requestIdPattern: REQUEST_ID_PATTERNS[call.dialect] };
  const example = successExample(call);
  const payload = withMatchers(schema, example, context);
  const requestId = exampleIdOf(call, example);
  return {
    status: 200,
    headers: responseHeaders(call.dialect, "json", requestId),
    body: dialectContractForms[call.dialect].successBody(payload, requestId, { like, regex }),
  };
}

/**
 * An error answer built from the code table and the dialect's error envelope schema: the code exact, the
 * message the table's description with the schema's matcher (a non-empty string: `minLength` 1), the
 * request ID the dialect's regex, in the body and in the request-ID header, the other members the schema
 * requires (ESS `HostId`: the product's endpoint), the status the probe expects (Tencent: always 200;
 * Zenlayer's "4xx" class: a status-class matcher over the status the target answers with), all in the
 * dialect's envelope (its contract form's `errorBody`). The envelope schema is the product's own where it
 * has one (KMS), else the dialect's.
 *
 * Where the product repeats the status in the body (errorBodyStatus: KMS `HttpStatus`), the member is
 * optional in the schema (seed 002's examples carry it, its text does not name it), but the contract
 * requires it, equal to the interaction's own status: Pact cannot say "optional, and
 * equal to the HTTP status when present", and the member exists to repeat the status (rule
 * status-body-consistent), so a contract without it would let a KMS error say 403 under a 400.
 */
export function errorResponse(call: CallSpec, code: string, status: number | "4xx"): ContractResponse {
  const row = codeRow(call.dialect, call.product, code);
  const requestId = exampleRequestId(call.dialect, call.product, call.id);
  const schema = readSchemaFile(envelopeSchemaFile(call.dialect, call.product, "error"));
  const context = {
    root: schema,
    requestIdPattern: REQUEST_ID_PATTERNS[call.dialect],
    pinned: new Set(["Code", "code"]),
  };
  const { example, exact } = dialectContractForms[call.dialect].errorBody({
    product: productOf(call),
    region: call.region,
    code,
    message: row.description,
    requestId,
    status,
  });
  return {
    status: status === "4xx" ? MatchersV3.matchStatus(400, "clientError" as never) : status,
    headers: responseHeaders(call.dialect, "json", requestId),
    body: { ...(withMatchers(schema, example, context) as Record<string, unknown>), ...exact },
  };
}
