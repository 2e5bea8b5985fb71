import { readFileSync } from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { schemasDir } from "../project-paths.js";
import { createAjv } from "../schemas/create-ajv.js";

export type NdjsonHeaders = Record<string, string> | { name: string; value: string }[];

export interface NdjsonMessage {
  headers?: NdjsonHeaders;
  body?: string;
  bodyEncoding?: "utf8" | "base64";
}

/**
 * One NDJSON line as schemas/ndjson-exchange.schema.json describes it (the same shape as the type
 * `npm run gen:types` generates from that schema).
 */
export interface NdjsonExchange {
  request: NdjsonMessage & { method: string; url: string };
  response: NdjsonMessage & { status: number; body: string };
  dialect?: string;
  product?: string;
  action?: string;
  format?: string;
  [recorderField: `_${string}`]: unknown;
}

let validator: ValidateFunction<NdjsonExchange> | undefined;

/** The validator of one NDJSON line, compiled on first use and then shared by every reader. */
export function ndjsonExchangeValidator(): ValidateFunction<NdjsonExchange> {
  if (!validator) {
    const schema = JSON.parse(readFileSync(path.join(schemasDir, "ndjson-exchange.schema.json"), "utf8"));
    validator = createAjv().compile<NdjsonExchange>(schema);
  }
  return validator;
}
