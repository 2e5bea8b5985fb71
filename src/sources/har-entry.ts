import type { ExchangeSource, RawExchange, RecordedRequest, RecordedResponse } from "../model/exchange.js";
import { checkBodySize } from "./body-size-limit.js";
import { pickHints } from "./exchange-hints.js";
import { headersFromPairs } from "./header-map.js";
import { readProbeHint } from "./probe-hint.js";
import { isRecord, optionalString, requireRecord, requireString } from "./record-fields.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

/**
 * Turns one parsed entry of a HAR 1.2 `log.entries` into an exchange. Throws UnreadableEntryError, naming
 * the field, when the entry cannot become one.
 */
export function harEntryToExchange(
  entry: unknown,
  source: ExchangeSource,
  maxBodyBytes: number,
): RawExchange {
  if (!isRecord(entry)) throw new UnreadableEntryError("entry is not an object");
  const exchange: RawExchange = {
    source,
    request: readRequest(requireRecord(entry.request, "request"), maxBodyBytes),
    response: readResponse(requireRecord(entry.response, "response"), maxBodyBytes),
  };
  // HAR allows custom fields whose names start with "_"; this one carries our hints.
  if (entry._conformance !== undefined) {
    const conformance = requireRecord(entry._conformance, "_conformance");
    const hints = pickHints(conformance, "_conformance.");
    if (hints) exchange.hints = hints;
    if (conformance.probe !== undefined)
      exchange.probe = readProbeHint(conformance.probe, "_conformance.probe");
  }
  return exchange;
}

function readRequest(request: Record<string, unknown>, maxBodyBytes: number): RecordedRequest {
  const method = requireString(request.method, "request.method");
  if (method === "") throw new UnreadableEntryError("request.method is empty");
  const url = requireString(request.url, "request.url");
  if (url === "") throw new UnreadableEntryError("request.url is empty");
  const headers = request.headers === undefined ? {} : headersFromPairs(request.headers, "request.headers");
  const body = readRequestBody(request.postData);
  checkBodySize("request", Buffer.byteLength(body), maxBodyBytes);
  return { method, url, headers, body };
}

/** `postData.text`, or the form encoding of `postData.params` when there is no text; "" without postData. */
function readRequestBody(postData: unknown): string {
  if (postData === undefined) return "";
  const data = requireRecord(postData, "request.postData");
  const text = optionalString(data.text, "request.postData.text");
  if (text !== undefined) return text;
  if (data.params === undefined) return "";
  if (!Array.isArray(data.params)) throw new UnreadableEntryError("request.postData.params is not an array");
  const form = new URLSearchParams();
  data.params.forEach((param: unknown, i) => {
    const field = `request.postData.params[${i}]`;
    if (!isRecord(param)) throw new UnreadableEntryError(`${field} is not a {name, value} object`);
    form.append(
      requireString(param.name, `${field}.name`),
      optionalString(param.value, `${field}.value`) ?? "",
    );
  });
  return form.toString();
}

function readResponse(response: Record<string, unknown>, maxBodyBytes: number): RecordedResponse {
  const status = readStatus(response.status);
  const headers =
    response.headers === undefined ? {} : headersFromPairs(response.headers, "response.headers");
  // Browsers record status 0 for a request that was blocked, failed or cancelled: a well-formed entry
  // with no response to judge, which the engine lists as skipped (not a damaged input).
  if (status === 0) return { status, headers, body: "", bodySize: 0 };
  const content = requireRecord(response.content, "response.content");
  const recordedSize =
    typeof content.size === "number" && Number.isFinite(content.size) && content.size >= 0
      ? content.size
      : undefined;
  const body = readResponseBody(content, recordedSize, maxBodyBytes);
  return { status, headers, body, bodySize: recordedSize ?? Buffer.byteLength(body) };
}

function readStatus(status: unknown): number {
  if (status === undefined) throw new UnreadableEntryError("response.status is missing");
  if (typeof status !== "number") throw new UnreadableEntryError("response.status is not a number");
  if (!Number.isInteger(status))
    throw new UnreadableEntryError(`response.status ${status} is not an integer`);
  return status;
}

function readResponseBody(
  content: Record<string, unknown>,
  recordedSize: number | undefined,
  maxBodyBytes: number,
): string {
  if (content.text === undefined) {
    // A recorder may leave out the text of an empty body; with a recorded size of 0 nothing is missing.
    if (recordedSize === 0) return "";
    throw new UnreadableEntryError("response.content.text is missing: the response body was not recorded");
  }
  const text = requireString(content.text, "response.content.text");
  const encoding = optionalString(content.encoding, "response.content.encoding");
  if (encoding === undefined || encoding === "") {
    checkBodySize("response", Math.max(Buffer.byteLength(text), recordedSize ?? 0), maxBodyBytes);
    return text;
  }
  if (encoding !== "base64") {
    throw new UnreadableEntryError(
      `response.content.encoding "${encoding}" is not supported: only base64 is`,
    );
  }
  const bytes = Buffer.from(text, "base64");
  checkBodySize("response", Math.max(bytes.length, recordedSize ?? 0), maxBodyBytes);
  return bytes.toString("utf8");
}
