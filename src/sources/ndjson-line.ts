import type { ExchangeSource, HeaderMap, RawExchange } from "../model/exchange.js";
import { checkBodySize } from "./body-size-limit.js";
import { pickHints } from "./exchange-hints.js";
import { headersFromObject, headersFromPairs } from "./header-map.js";
import {
  type NdjsonHeaders,
  type NdjsonMessage,
  ndjsonExchangeValidator,
} from "./ndjson-exchange-validator.js";
import { schemaErrorReason } from "./schema-error-reason.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

/**
 * Turns one line of an NDJSON recording into an exchange. Throws UnreadableEntryError when the line is not
 * JSON, does not match schemas/ndjson-exchange.schema.json (naming the field) or carries a body over the limit.
 */
export function ndjsonLineToExchange(
  line: string,
  source: ExchangeSource,
  maxBodyBytes: number,
): RawExchange {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new UnreadableEntryError(`line is not valid JSON: ${(error as Error).message}`);
  }
  const validate = ndjsonExchangeValidator();
  if (!validate(value)) throw new UnreadableEntryError(schemaErrorReason(validate.errors ?? []));
  const { request, response } = value;
  const requestBody = decodeBody(request, "request", maxBodyBytes);
  const responseBody = decodeBody(response, "response", maxBodyBytes);
  const exchange: RawExchange = {
    source,
    request: {
      method: request.method,
      url: request.url,
      headers: toHeaderMap(request.headers),
      body: requestBody,
    },
    response: {
      status: response.status,
      headers: toHeaderMap(response.headers),
      body: responseBody,
      bodySize: Buffer.byteLength(responseBody),
    },
  };
  const hints = pickHints(value, "");
  if (hints) exchange.hints = hints;
  return exchange;
}

function toHeaderMap(headers: NdjsonHeaders | undefined): HeaderMap {
  if (headers === undefined) return {};
  // Pairs were checked by the schema; the field name only shows if that ever changes.
  return Array.isArray(headers) ? headersFromPairs(headers, "headers") : headersFromObject(headers);
}

function decodeBody(message: NdjsonMessage, which: "request" | "response", maxBodyBytes: number): string {
  const body = message.body ?? "";
  if (message.bodyEncoding !== "base64") {
    checkBodySize(which, Buffer.byteLength(body), maxBodyBytes);
    return body;
  }
  const bytes = Buffer.from(body, "base64");
  checkBodySize(which, bytes.length, maxBodyBytes);
  return bytes.toString("utf8");
}
