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

/** One NDJSON line of a Tencent call whose answer is `body` (a string is sent as is), as written by hand. */
export function tencentLine(action: string, status: number, body: unknown): string {
  return JSON.stringify({
    request: { method: "POST", url: "https://cvm.tencentcloudapi.com/", headers: { "X-TC-Action": action } },
    response: {
      status,
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    },
  });
}
