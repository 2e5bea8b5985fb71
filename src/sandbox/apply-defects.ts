import type { Dialect } from "../providers/dialect.js";
import { type Failure, Refusal } from "../providers/sandbox-kit/refusal.js";
import type { HttpAnswer, RenderHints, Reply } from "../providers/sandbox-kit/reply.js";
import { dialectSandbox } from "./dialect-sandboxes.js";
import type { SandboxContext } from "./sandbox-context.js";

/**
 * The failure a bad-signature probe draws under probe-wrong-code: a real code, but not the documented one.
 * Tencent: InvalidParameter (still HTTP 200); the others: the product's own answer to a bad Signature value.
 */
function wrongProbeFailure(reply: Reply, failure: Failure): Failure {
  if (reply.dialect === "tencent")
    return { ...failure, code: "InvalidParameter", message: "Parameter error." };
  const misread = new Refusal("invalid-parameter", { parameter: "Signature" });
  const { code, status, message } = dialectSandbox(reply.dialect).failure(reply.product, misread);
  return { ...failure, code, status, message };
}

/** The same ID out of its usual shape (defect malformed-request-id): no dashes, no T prefix. */
function malformRequestId(dialect: Dialect, requestId: string): string {
  return dialect === "zenlayer" ? requestId.replace(/^T/, "") : requestId.replace(/-/g, "");
}

/** Another status of the same class, which the product's table contradicts for a code it documents. */
function sameClassOther(status: number): number {
  if (status >= 500) return status === 500 ? 503 : 500;
  return status === 400 ? 404 : 400;
}

function documentedStatus(reply: Reply, failure: Failure, context: SandboxContext): number | undefined {
  const found = context.codes?.lookup(reply.dialect, reply.product.id, failure.code);
  return found?.via === "exact" && typeof found.entry.status === "number" ? found.entry.status : undefined;
}

/** Success data with the counts the dialect's action schema types as integers written as strings. */
function countsAsStrings(reply: Reply, data: Record<string, unknown>): Record<string, unknown> {
  const names = reply.dialect === "zenlayer" ? ["totalCount"] : ["TotalCount", "PageNumber", "PageSize"];
  const changed = { ...data };
  for (const name of names) if (typeof changed[name] === "number") changed[name] = String(changed[name]);
  return changed;
}

/** Other data than the JSON answer to the same call would carry: TotalCount + 1, else one value changed. */
function disagreeingData(data: Record<string, unknown>): Record<string, unknown> {
  const changed = { ...data };
  if (typeof changed.TotalCount === "number") {
    changed.TotalCount += 1;
    return changed;
  }
  const name = Object.keys(changed).find((key) => typeof changed[key] === "string");
  if (name !== undefined) changed[name] = `${changed[name] as string}-xml`;
  else changed.XmlOnly = "true";
  return changed;
}

/**
 * The reply and rendering hints as the sandbox's defects (defects.ts) would have them. Each defect
 * touches only what its rule judges; without defects the reply is returned unchanged.
 */
export function applyDefects(original: Reply, context: SandboxContext): { reply: Reply; hints: RenderHints } {
  let reply = original;
  const hints: RenderHints = {};
  if (context.options.defects.size === 0) return { reply, hints };
  const has = context.has;

  if (!reply.ok) {
    let failure = reply.failure;
    if (has("probe-wrong-code") && failure.kind === "bad-signature")
      failure = wrongProbeFailure(reply, failure);
    if (
      has("wrong-status-for-code") &&
      reply.dialect === "alibaba" &&
      documentedStatus(reply, failure, context) === failure.status
    ) {
      failure = { ...failure, status: sameClassOther(failure.status) };
    }
    if (has("tencent-error-4xx") && reply.dialect === "tencent") failure = { ...failure, status: 400 };
    if (has("kms-httpstatus-mismatch") && reply.product.errorBodyStatus) {
      hints.bodyHttpStatus = failure.status === 400 ? 403 : 400;
    }
    if (has("missing-message")) hints.omitMessage = true;
    if (has("missing-host-id")) hints.omitHostId = true;
    reply = { ...reply, failure };
  } else {
    let data = reply.data;
    if (has("count-as-string")) data = countsAsStrings(reply, data);
    if (has("json-xml-disagree") && reply.dialect === "alibaba" && reply.format === "xml")
      data = disagreeingData(data);
    if (has("zenlayer-request-id-mismatch") && reply.dialect === "zenlayer") {
      hints.innerRequestId = dialectSandbox("zenlayer").newRequestId(reply.product);
    }
    reply = { ...reply, data };
  }
  if (has("missing-request-id")) hints.omitRequestId = true;
  if (has("malformed-request-id"))
    reply = { ...reply, requestId: malformRequestId(reply.dialect, reply.requestId) };
  if (has("wrong-xml-root") && reply.dialect === "alibaba" && reply.format === "xml")
    hints.xmlRoot = "Response";
  return { reply, hints };
}

/** Defects on the rendered bytes: the Content-Type header, a cut body. */
export function applyAnswerDefects(answer: HttpAnswer, context: SandboxContext): HttpAnswer {
  let result = answer;
  if (context.has("wrong-content-type")) {
    const headers = Object.fromEntries(
      Object.entries(result.headers).filter(([name]) => name.toLowerCase() !== "content-type"),
    );
    result = { ...result, headers: { ...headers, "Content-Type": "text/html;charset=utf-8" } };
  }
  if (context.has("truncated-body"))
    result = { ...result, body: result.body.slice(0, Math.floor(result.body.length / 2)) };
  return result;
}
