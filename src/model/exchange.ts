/** Where an exchange was read from: a recorded file and its entry index, or a live target and probe. */
export interface ExchangeSource {
  /** Path of the HAR or NDJSON file (as given on the command line), or the live target URL. */
  file: string;
  /** 0-based entry index in a HAR file, 0-based line index in an NDJSON file. */
  index: number;
  /** Name of the probe or action call, for live runs. */
  probe?: string;
}

/** Header names are lower-cased; a repeated header keeps every value joined by ", ". */
export type HeaderMap = Record<string, string>;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderMap;
  /** Decoded request body text ("" when there is none). */
  body: string;
}

export interface RecordedResponse {
  status: number;
  headers: HeaderMap;
  /** Decoded response body text. */
  body: string;
  /** Size of the body in bytes as recorded (UTF-8 length of `body` when the recording does not say). */
  bodySize: number;
}

/** Optional hints a recording may carry; they override detection from the request. */
export interface ExchangeHints {
  dialect?: string;
  product?: string;
  action?: string;
  format?: string;
}

/** What a probe (a deliberately bad request) must draw: the documented code, or null where none is published. */
export interface ProbeExpectation {
  code: string | null;
  /** An exact status, or a class ("4xx") where only the class is documented. */
  status: number | "4xx" | "5xx";
  /** Where the expectation comes from. */
  source: string;
}

/** One request and its response, as read from a source, before it is interpreted. */
export interface RawExchange {
  source: ExchangeSource;
  request: RecordedRequest;
  response: RecordedResponse;
  hints?: ExchangeHints;
  /** Set when the request was a probe: judged by probe-expected-code. */
  probe?: { name: string; expected: ProbeExpectation };
}

/**
 * What a reader yields: either an exchange, or an entry that could not be turned into one (it is still
 * accounted for in the report as skipped, with the reason).
 */
export type SourceItem =
  | { kind: "exchange"; exchange: RawExchange }
  | { kind: "unreadable"; source: ExchangeSource; reason: string };

/** A problem with a whole input file (unreadable, not HAR, truncated): the run exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong, without the file and entry (the message has them). */
    readonly detail: string,
    readonly index?: number,
  ) {
    super(index === undefined ? `${file}: ${detail}` : `${file}: entry ${index}: ${detail}`);
    this.name = "InputError";
  }
}
