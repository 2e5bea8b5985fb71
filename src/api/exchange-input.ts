import type { ExchangeHints, ExchangeSource, HeaderMap, RawExchange } from "../model/exchange.js";

/** Header values as a program holds them: a record (values joined by ", " when repeated) or a `Headers`. */
export type HeadersInput =
  | Readonly<Record<string, string | number | readonly string[] | undefined>>
  | { forEach(callback: (value: string, name: string) => void): void };

/**
 * A body as a program holds it: the text as sent or received, or a value (an object, an array, a number…)
 * that is JSON-encoded. `undefined` and `null` are an empty body.
 */
export type BodyInput = string | Uint8Array | object | number | boolean | null | undefined;

/**
 * One request and its response, in the shape an HTTP client or a test already has:
 * `{ request: { method, url, headers, body }, response: { status, headers, body } }`. Dialect, product,
 * action and format are read from the request as for a HAR entry (host, `X-TC-Action`, `Action`,
 * `X-ZC-Action`, `Format`…), unless `hints` name them.
 */
export interface PlainExchange {
  request: {
    /** POST when absent. */
    method?: string;
    url: string | URL;
    headers?: HeadersInput;
    body?: BodyInput;
  };
  response: {
    status: number;
    headers?: HeadersInput;
    body?: BodyInput;
  };
  /** Where it came from, for messages (`file#index`): `{ file: "exchange", index: 0 }` when absent. */
  source?: ExchangeSource;
  /** Override detection from the request (as an NDJSON line's `dialect`, `product`, `action`, `format`). */
  hints?: ExchangeHints;
}

/** What `check` accepts: the engine's own RawExchange (as the HAR and NDJSON readers yield it) or a PlainExchange. */
export type ExchangeInput = RawExchange | PlainExchange;

function headerMap(input: HeadersInput | undefined): HeaderMap {
  const headers: HeaderMap = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const previous = headers[key];
    headers[key] = previous === undefined ? value : `${previous}, ${value}`;
  };
  if (input === undefined) return headers;
  if (typeof (input as { forEach?: unknown }).forEach === "function" && !Array.isArray(input)) {
    const iterable = input as { forEach(callback: (value: string, name: string) => void): void };
    iterable.forEach((value, name) => {
      add(name, value);
    });
    return headers;
  }
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) add(name, String(item));
    else add(name, String(value));
  }
  return headers;
}

function bodyText(body: BodyInput): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return JSON.stringify(body);
}

function isRawExchange(input: ExchangeInput): input is RawExchange {
  const { source, request, response } = input as Partial<RawExchange>;
  return (
    typeof source === "object" &&
    source !== null &&
    typeof request?.url === "string" &&
    typeof request.body === "string" &&
    typeof response?.body === "string" &&
    typeof response.bodySize === "number" &&
    typeof response.headers === "object"
  );
}

/**
 * The exchange as the engine reads it. A RawExchange is taken as it is; a PlainExchange gets lower-cased
 * header names, its bodies as text (objects JSON-encoded), POST when no method is given, and a source of
 * `{ file: "exchange", index }`.
 */
export function toRawExchange(input: ExchangeInput, index = 0): RawExchange {
  if (typeof input !== "object" || input === null) {
    throw new TypeError(`an exchange must be an object with request and response, got ${typeof input}`);
  }
  if (isRawExchange(input)) return input;
  const { request, response } = input as Partial<PlainExchange>;
  if (typeof request !== "object" || request === null || request.url === undefined) {
    throw new TypeError("an exchange needs request.url (the URL the request was sent to)");
  }
  if (typeof response !== "object" || response === null || typeof response.status !== "number") {
    throw new TypeError("an exchange needs response.status (the HTTP status, a number)");
  }
  const plain = input as PlainExchange;
  const responseBody = bodyText(response.body);
  return {
    source: plain.source ?? { file: "exchange", index },
    request: {
      method: (request.method ?? "POST").toUpperCase(),
      url: String(request.url),
      headers: headerMap(request.headers),
      body: bodyText(request.body),
    },
    response: {
      status: response.status,
      headers: headerMap(response.headers),
      body: responseBody,
      bodySize: Buffer.byteLength(responseBody),
    },
    ...(plain.hints ? { hints: plain.hints } : {}),
  };
}
