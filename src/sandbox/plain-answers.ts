import { CONTENT_TYPE, type HttpAnswer } from "../providers/sandbox-kit/reply.js";
import { MAX_REQUEST_BODY_BYTES } from "./sandbox-options.js";

/**
 * Answers outside every dialect (no dialect envelope applies): a short JSON explanation. They are the
 * sandbox's own, not a provider's, and no defect touches them.
 */
function plain(status: number, error: string, message: string): HttpAnswer {
  return {
    status,
    headers: { "Content-Type": CONTENT_TYPE.json },
    body: JSON.stringify({ error, message }),
  };
}

export const notRecognized = (): HttpAnswer =>
  plain(
    404,
    "UnknownDialect",
    "Not a request of a dialect this sandbox serves. Tencent Cloud API 3.0: X-TC-* headers and a TC3-HMAC-SHA256 Authorization; Alibaba Cloud RPC: Action, Version and SignatureMethod/AccessKeyId/Signature parameters (query or form body), or x-acs-* headers with an ACS3-HMAC-SHA256 Authorization; Zenlayer Cloud: POST /api/v2/bmc with X-ZC-* headers. See docs/sandbox.md.",
  );

export const tooLarge = (): HttpAnswer =>
  plain(
    413,
    "RequestEntityTooLarge",
    `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes (1 MiB).`,
  );

export const internalError = (): HttpAnswer =>
  plain(500, "InternalError", "The sandbox failed to answer this request; see its standard error.");
