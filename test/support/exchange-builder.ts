import type { HeaderMap, RawExchange } from "../../src/model/exchange.js";
import type { Dialect } from "../../src/providers/dialect.js";
import { findProduct } from "../../src/providers/registry.js";

export interface ExchangeSpec {
  dialect: Dialect;
  product?: string;
  action?: string;
  format?: "json" | "xml";
  status?: number;
  /** A string is sent as is; anything else is JSON-encoded. */
  body: unknown;
  /** Response headers; content-type defaults to the format's. `null` removes a default. */
  headers?: Record<string, string | null>;
  file?: string;
  index?: number;
  /** The probe the request was (judged by probe-expected-code). */
  probe?: RawExchange["probe"];
}

/** A recorded exchange as a provider's public endpoint would produce it. */
export function buildExchange(spec: ExchangeSpec): RawExchange {
  const format = spec.format ?? "json";
  const action = spec.action ?? "DescribeThings";
  const requestHeaders: HeaderMap = {};
  let url: string;
  switch (spec.dialect) {
    case "tencent":
      url = `https://${spec.product ?? "cvm"}.tencentcloudapi.com/`;
      requestHeaders["x-tc-action"] = action;
      requestHeaders["content-type"] = "application/json";
      break;
    case "alibaba": {
      const product = spec.product ?? "ess";
      const query = new URLSearchParams({
        Action: action,
        Version: findProduct("alibaba", product)?.version ?? "2014-05-26",
      });
      if (format === "xml") query.set("Format", "XML");
      url = `https://${product}.cn-hangzhou.aliyuncs.com/?${query}`;
      break;
    }
    case "zenlayer":
      url = `https://console.zenlayer.com/api/v2/${spec.product ?? "bmc"}`;
      requestHeaders["x-zc-action"] = action;
      requestHeaders["content-type"] = "application/json";
      break;
  }
  const headers: HeaderMap = {
    "content-type": format === "xml" ? "text/xml;charset=utf-8" : "application/json",
  };
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    if (value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  const body = typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body);
  return {
    source: { file: spec.file ?? "test.har", index: spec.index ?? 0 },
    request: { method: "POST", url, headers: requestHeaders, body: "" },
    response: { status: spec.status ?? 200, headers, body, bodySize: Buffer.byteLength(body) },
    ...(spec.probe ? { probe: spec.probe } : {}),
  };
}
