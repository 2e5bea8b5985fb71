import type { CallSpec } from "../live/call-spec.js";
import { MatchersV3 } from "./load-pact.js";
import { recordedSuccessBody } from "./recorded-examples.js";
import { exampleRequestId, REQUEST_ID_PATTERNS } from "./request-id-shapes.js";
import { actionSchema, codeRow } from "./schema-files.js";
import { withMatchers } from "./schema-matchers.js";

const { like, regex, integer } = MatchersV3;

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

export const jsonContentType = (dialect: CallSpec["dialect"]) => ({
  "Content-Type": regex("^application/json.*$", JSON_CONTENT_TYPE[dialect]),
});

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
  // Only DeleteScalingGroup (JSON) has no recording: its schema requires the request ID alone.
  return call.dialect === "zenlayer" ? { requestId } : { RequestId: requestId };
}

/** A success answer: the recorded example in the dialect's envelope, with the schema's matchers. */
export function successResponse(call: CallSpec): ContractResponse {
  const schema = actionSchema(call.dialect, call.product, call.action);
  const context = { root: schema, requestIdPattern: REQUEST_ID_PATTERNS[call.dialect] };
  const payload = withMatchers(schema, successExample(call), context);
  const headers = jsonContentType(call.dialect);
  switch (call.dialect) {
    case "tencent":
      return { status: 200, headers, body: { Response: payload } };
    case "alibaba":
      return { status: 200, headers, body: payload };
    case "zenlayer": {
      const requestId = (successExample(call).requestId as string) ?? "";
      return {
        status: 200,
        headers,
        body: { requestId: regex(REQUEST_ID_PATTERNS.zenlayer, requestId), response: payload },
      };
    }
  }
}

/**
 * An error answer built from the code table: the code exact, the message `like` the table's description,
 * the request ID the dialect's regex, the status the table's (Tencent: always 200; Zenlayer's "4xx"
 * class: a status-class matcher over the status the target answers with).
 */
export function errorResponse(call: CallSpec, code: string, status: number | "4xx"): ContractResponse {
  const row = codeRow(call.dialect, call.product, code);
  const requestId = exampleRequestId(call.dialect, call.product, call.id);
  const idMatcher = regex(REQUEST_ID_PATTERNS[call.dialect], requestId);
  const message = like(row.description);
  const headers = jsonContentType(call.dialect);
  switch (call.dialect) {
    case "tencent":
      return {
        status: 200,
        headers,
        body: { Response: { Error: { Code: code, Message: message }, RequestId: idMatcher } },
      };
    case "alibaba": {
      const numeric = status as number;
      if (call.product === "kms")
        return {
          status: numeric,
          headers,
          body: { RequestId: idMatcher, HttpStatus: integer(numeric), Code: code, Message: message },
        };
      return {
        status: numeric,
        headers,
        body: { RequestId: idMatcher, HostId: like("ess.aliyuncs.com"), Code: code, Message: message },
      };
    }
    case "zenlayer":
      return {
        status: status === "4xx" ? MatchersV3.matchStatus(400, "clientError" as never) : status,
        headers,
        body: { requestId: idMatcher, code, message },
      };
  }
}
