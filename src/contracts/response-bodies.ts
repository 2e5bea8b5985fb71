import type { CallSpec } from "../live/call-spec.js";
import { dialectSpecs } from "../providers/dialect-specs.js";
import type { ProductDefinition } from "../providers/product.js";
import { productOf } from "./contract-products.js";
import { MatchersV3 } from "./load-pact.js";
import { recordedSuccessBody } from "./recorded-examples.js";
import { exampleRequestId, REQUEST_ID_PATTERNS } from "./request-id-shapes.js";
import { actionSchema, codeRow, envelopeSchemaFile, readSchemaFile } from "./schema-files.js";
import { withMatchers } from "./schema-matchers.js";

const { regex } = MatchersV3;

/** A response of the contract: status (a number, or a status-class matcher), headers and body. */
export interface ContractResponse {
  status: number | ReturnType<typeof MatchersV3.matchStatus>;
  headers: Record<string, unknown>;
  body: unknown;
}

/** Content-Type as each dialect answers JSON (regexes are whole-value matches in Pact). */
const JSON_CONTENT_TYPE: Record<CallSpec["dialect"], string> = {
  tencent: "application/json",
  alibaba: "application/json;charset=utf-8",
  zenlayer: "application/json",
};

/**
 * The dialects whose every answer carries the request-ID header, so that a contract may require it.
 * Alibaba: "The request ID header is `x-acs-request-id`" (provider-facts §1). Tencent sends `X-TC-RequestId`
 * only on server-sent-event answers (provider-facts §1; recordings/tencent-cvm.har has none): requiring
 * it would fail a conformant Tencent endpoint, and Pact cannot say "optional, equal to the body's when
 * present" (request-id-consistent judges that). Zenlayer has no such header.
 */
const ALWAYS_SENDS_REQUEST_ID_HEADER: Readonly<Record<CallSpec["dialect"], boolean>> = {
  tencent: false,
  alibaba: true,
  zenlayer: false,
};

/**
 * The response headers of an answer: its Content-Type (a regex of the format) and, where the dialect
 * always repeats the request ID in a header (Alibaba `x-acs-request-id`: DialectSpec.requestIdHeader),
 * that header with the dialect's request-ID regex, its example the body's. Pact matches header names
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
        : regex("^application/json.*$", JSON_CONTENT_TYPE[dialect]),
  };
  const header = dialectSpecs[dialect].requestIdHeader;
  if (header && ALWAYS_SENDS_REQUEST_ID_HEADER[dialect])
    headers[header] = regex(REQUEST_ID_PATTERNS[dialect], requestId);
  return headers;
}

/** The example success payload of an action: recorded, else the schema's required members. */
export function successExample(call: CallSpec): Record<string, unknown> {
  const recorded = recordedSuccessBody(call.dialect, call.product, call.action) as
    | Record<string, unknown>
    | undefined;
  const requestId = exampleRequestId(call.dialect, call.product, call.id);
  const payload =
    call.dialect === "tencent"
      ? (recorded?.Response as Record<string, unknown> | undefined)
      : call.dialect === "zenlayer"
        ? (recorded?.response as Record<string, unknown> | undefined)
        : recorded;
  if (payload) return payload;
  // An action without a recording (ESS DeleteScalingGroup in JSON): its schema requires the request ID alone.
  return call.dialect === "zenlayer" ? { requestId } : { RequestId: requestId };
}

/** The request ID of a success example (Tencent, Alibaba `RequestId`; Zenlayer `requestId`). */
const exampleIdOf = (payload: Record<string, unknown>) =>
  String(payload.RequestId ?? payload.requestId ?? "");

/**
 * A success answer: the recorded example in the dialect's envelope, with the action schema's matchers
 * and only its required members (withMatchers), the request-ID header, status 200.
 */
export function successResponse(call: CallSpec): ContractResponse {
  const schema = actionSchema(call.dialect, call.product, call.action);
  const context = { root: schema, requestIdPattern: REQUEST_ID_PATTERNS[call.dialect] };
  const example = successExample(call);
  const payload = withMatchers(schema, example, context);
  const headers = responseHeaders(call.dialect, "json", exampleIdOf(example));
  switch (call.dialect) {
    case "tencent":
      return { status: 200, headers, body: { Response: payload } };
    case "alibaba":
      return { status: 200, headers, body: payload };
    case "zenlayer":
      return {
        status: 200,
        headers,
        body: { requestId: regex(REQUEST_ID_PATTERNS.zenlayer, exampleIdOf(example)), response: payload },
      };
  }
}

/** An Alibaba error's HostId: the product's public endpoint for the call's region. */
function hostIdOf(product: ProductDefinition, region: string | null): string {
  if (!product.endpoint) throw new Error(`${product.dialect}/${product.id} has no endpoint for HostId`);
  return product.endpoint(region ?? undefined);
}

/**
 * An error answer built from the code table and the dialect's error envelope schema: the code exact, the
 * message the table's description with the schema's matcher (a non-empty string: `minLength` 1), the
 * request ID the dialect's regex, in the body and in the request-ID header, the other members the schema
 * requires (ESS `HostId`: the product's endpoint), the status the table's (Tencent: always 200; Zenlayer's
 * "4xx" class: a status-class matcher over the status the target answers with). The envelope schema is the
 * product's own where it has one (KMS), else the dialect's.
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
  const product = productOf(call);
  const schema = readSchemaFile(envelopeSchemaFile(call.dialect, call.product, "error"));
  const context = {
    root: schema,
    requestIdPattern: REQUEST_ID_PATTERNS[call.dialect],
    pinned: new Set(["Code", "code"]),
  };
  const headers = responseHeaders(call.dialect, "json", requestId);
  switch (call.dialect) {
    case "tencent": {
      const example = { Response: { Error: { Code: code, Message: row.description }, RequestId: requestId } };
      return { status: 200, headers, body: withMatchers(schema, example, context) };
    }
    case "alibaba": {
      const numeric = status as number;
      const example = {
        RequestId: requestId,
        HostId: hostIdOf(product, call.region),
        Code: code,
        Message: row.description,
      };
      const body = withMatchers(schema, example, context) as Record<string, unknown>;
      if (product.errorBodyStatus) body.HttpStatus = numeric;
      return { status: numeric, headers, body };
    }
    case "zenlayer": {
      const example = { requestId, code, message: row.description };
      return {
        status: status === "4xx" ? MatchersV3.matchStatus(400, "clientError" as never) : status,
        headers,
        body: withMatchers(schema, example, context),
      };
    }
  }
}
