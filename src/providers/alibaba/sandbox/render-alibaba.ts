import { CONTENT_TYPE, type HttpAnswer, type RenderHints, type Reply } from "../../sandbox-kit/reply.js";
import { toXml } from "./xml-render.js";

/**
 * Alibaba RPC bodies (seeds 002, 004): on success the RequestId and the action's fields at the root; on
 * error RequestId, HostId, Code and Message. A product whose error body repeats the HTTP status (KMS's
 * `errorBodyStatus`) writes HttpStatus (a number in JSON, text in XML) first, in its documentation's order.
 * XML roots: the product's own for both (KMS `KMS`), else `{Action}Response` and `Error`
 * (provider-facts.md §1). The request ID is repeated in the x-acs-request-id header.
 */
export function renderAlibaba(reply: Reply, hints: RenderHints): HttpAnswer {
  const { product } = reply;
  const requestId = hints.omitRequestId ? {} : { RequestId: reply.requestId };
  let content: Record<string, unknown>;
  let status: number;
  if (reply.ok) {
    status = 200;
    content = { ...requestId, ...reply.data };
  } else {
    const { failure } = reply;
    status = failure.status;
    const message = hints.omitMessage ? {} : { Message: failure.message };
    const hostId = hints.omitHostId ? {} : { HostId: reply.hostId ?? "" };
    content = product.errorBodyStatus
      ? {
          HttpStatus: hints.bodyHttpStatus ?? status,
          Code: failure.code,
          ...message,
          ...requestId,
          ...hostId,
        }
      : { ...requestId, ...hostId, Code: failure.code, ...message };
  }
  const headers: Record<string, string> = { ...reply.headers };
  if (!hints.omitRequestId) headers["x-acs-request-id"] = reply.requestId;
  if (reply.format === "xml") {
    const root = hints.xmlRoot ?? product.xmlRoot ?? (reply.ok ? `${reply.action}Response` : "Error");
    return {
      status,
      headers: { "Content-Type": CONTENT_TYPE.alibabaXml, ...headers },
      body: toXml(root, content),
    };
  }
  return {
    status,
    headers: { "Content-Type": CONTENT_TYPE.alibabaJson, ...headers },
    body: JSON.stringify(content),
  };
}
