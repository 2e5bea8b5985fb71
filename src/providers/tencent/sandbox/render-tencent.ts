import { CONTENT_TYPE, type HttpAnswer, type RenderHints, type Reply } from "../../sandbox-kit/reply.js";

/**
 * `{"Response": {…, "RequestId"}}` on success, `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`
 * on error (seeds 001, 003), with the request ID also in the X-TC-RequestId header.
 */
export function renderTencent(reply: Reply, hints: RenderHints): HttpAnswer {
  const response: Record<string, unknown> = reply.ok
    ? { ...reply.data }
    : {
        Error: hints.omitMessage
          ? { Code: reply.failure.code }
          : { Code: reply.failure.code, Message: reply.failure.message },
      };
  const headers: Record<string, string> = { "Content-Type": CONTENT_TYPE.json, ...reply.headers };
  if (!hints.omitRequestId) {
    response.RequestId = reply.requestId;
    headers["X-TC-RequestId"] = reply.requestId;
  }
  return {
    status: reply.ok ? 200 : reply.failure.status,
    headers,
    body: JSON.stringify({ Response: response }),
  };
}
