import type { ExchangeSpec } from "./exchange-builder.js";
import { buildExchange } from "./exchange-builder.js";

/** NDJSON lines (docs/inputs.md) for exchanges described as in the rule tables. */
export function ndjsonLines(specs: ExchangeSpec[]): string {
  return `${specs
    .map((spec) => {
      const { request, response } = buildExchange(spec);
      return JSON.stringify({
        request,
        response: { status: response.status, headers: response.headers, body: response.body },
      });
    })
    .join("\n")}\n`;
}
