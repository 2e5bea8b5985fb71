import { CONTENT_TYPE, type HttpAnswer, type RenderHints, type Reply } from "../../sandbox-kit/reply.js";

/**
 * Zenlayer bodies (seed 000): `{requestId, response: {requestId, …}}` with 200 on success (the inner ID
 * equals the outer), `{requestId, code, message}` with a 4xx or 5xx status on error, no `response`.
 */
export function renderZenlayer(reply: Reply, hints: RenderHints): HttpAnswer {
  const requestId = hints.omitRequestId ? {} : { requestId: reply.requestId };
  const inner = hints.omitRequestId ? {} : { requestId: hints.innerRequestId ?? reply.requestId };
  const body = reply.ok
    ? { ...requestId, response: { ...inner, ...reply.data } }
    : {
        ...requestId,
        code: reply.failure.code,
        ...(hints.omitMessage ? {} : { message: reply.failure.message }),
      };
  return {
    status: reply.ok ? 200 : reply.failure.status,
    headers: { "Content-Type": CONTENT_TYPE.json, ...reply.headers },
    body: JSON.stringify(body),
  };
}
