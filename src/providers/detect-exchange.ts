import type { RawExchange } from "../model/exchange.js";
import { requestParams } from "../model/request-params.js";
import type { HostMapping } from "../types/generated/config.js";
import { type BodyFormat, type Dialect, isDialect } from "./dialect.js";
import { productByVersion } from "./registry.js";

export interface ExchangeIdentity {
  dialect: Dialect;
  product: string;
  action: string;
  format: BodyFormat;
}

export type Detection = { ok: true; identity: ExchangeIdentity } | { ok: false; reason: string };

export const UNKNOWN = "unknown";

const TENCENT_HOST = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*tencentcloudapi\.com$/i;
const ALIBABA_HOST = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*aliyuncs\.com$/i;
const ZENLAYER_HOST = /^console\.zenlayer\.com$/i;
const ZENLAYER_PATH = /^\/api\/v2\/([^/?#]+)/;

function hostMatches(pattern: string, host: string, hostWithPort: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith("*.")) return host.endsWith(p.slice(1));
  return p === hostWithPort || p === host;
}

function tencentService(exchange: RawExchange): string | undefined {
  // Credential scope: "Credential=ID/DATE/SERVICE/tc3_request".
  const match = /Credential=[^/,\s]+\/[^/,\s]+\/([^/,\s]+)\/tc3_request/.exec(
    exchange.request.headers.authorization ?? "",
  );
  return match?.[1];
}

function identify(exchange: RawExchange, dialect: Dialect, url: URL, hostLabel?: string): ExchangeIdentity {
  const { headers } = exchange.request;
  const params = requestParams(exchange.request);
  switch (dialect) {
    case "tencent":
      return {
        dialect,
        product: hostLabel ?? tencentService(exchange) ?? UNKNOWN,
        action: headers["x-tc-action"] ?? params.get("Action") ?? UNKNOWN,
        format: "json",
      };
    case "alibaba": {
      const version = params.get("Version") ?? headers["x-acs-version"] ?? "";
      return {
        dialect,
        product: hostLabel ?? productByVersion("alibaba", version)?.id ?? UNKNOWN,
        action: params.get("Action") ?? headers["x-acs-action"] ?? UNKNOWN,
        format: (params.get("Format") ?? "").toLowerCase() === "xml" ? "xml" : "json",
      };
    }
    case "zenlayer":
      return {
        dialect,
        product: hostLabel ?? ZENLAYER_PATH.exec(url.pathname)?.[1] ?? UNKNOWN,
        action: headers["x-zc-action"] ?? UNKNOWN,
        format: "json",
      };
  }
}

/** The dialect a request's own headers and parameters announce, for hosts nobody mapped. */
function dialectFromRequest(exchange: RawExchange): Dialect | undefined {
  const { headers } = exchange.request;
  if (headers["x-tc-action"]) return "tencent";
  if (headers["x-zc-action"]) return "zenlayer";
  if (headers["x-acs-action"]) return "alibaba";
  const params = requestParams(exchange.request);
  if (
    params.has("Action") &&
    params.has("Version") &&
    (params.has("SignatureMethod") || params.has("AccessKeyId"))
  ) {
    return "alibaba";
  }
  return undefined;
}

/**
 * Dialect, product, action and format of an exchange, in this order of authority: the recording's own
 * hints, the provider's public host names (DESIGN.md "HAR input"), the configured host mapping, and last
 * the request's dialect-specific headers or parameters.
 */
export function detectExchange(exchange: RawExchange, hosts: readonly HostMapping[] = []): Detection {
  let url: URL;
  try {
    url = new URL(exchange.request.url);
  } catch {
    return {
      ok: false,
      reason: `request.url is not an absolute URL: ${JSON.stringify(exchange.request.url.slice(0, 200))}`,
    };
  }
  const host = url.hostname.toLowerCase();
  const hostWithPort = url.port ? `${host}:${url.port}` : host;
  const hints = exchange.hints ?? {};

  let detected: ExchangeIdentity | undefined;
  const tencentHost = TENCENT_HOST.exec(host);
  const alibabaHost = ALIBABA_HOST.exec(host);
  if (tencentHost) detected = identify(exchange, "tencent", url, tencentHost[1]?.toLowerCase());
  else if (alibabaHost) detected = identify(exchange, "alibaba", url, alibabaHost[1]?.toLowerCase());
  else if (ZENLAYER_HOST.test(host)) detected = identify(exchange, "zenlayer", url);
  else {
    const mapping = hosts.find((m) => hostMatches(m.host, host, hostWithPort));
    if (mapping) detected = identify(exchange, mapping.dialect, url, mapping.product);
    else {
      const fromRequest = dialectFromRequest(exchange);
      if (fromRequest) detected = identify(exchange, fromRequest, url);
    }
  }

  if (hints.dialect !== undefined && !isDialect(hints.dialect)) {
    return {
      ok: false,
      reason: `unknown dialect hint ${JSON.stringify(hints.dialect)} (expected tencent, alibaba or zenlayer)`,
    };
  }
  if (hints.format !== undefined && hints.format !== "json" && hints.format !== "xml") {
    return {
      ok: false,
      reason: `unknown format hint ${JSON.stringify(hints.format)} (expected json or xml)`,
    };
  }
  const dialect = hints.dialect ?? detected?.dialect;
  if (!dialect) {
    return {
      ok: false,
      reason: `unknown host ${hostWithPort}: not a Tencent Cloud, Alibaba Cloud or Zenlayer endpoint and no X-TC-*, X-ZC-*, x-acs-* header or Alibaba RPC parameters; map it under "hosts" in conformance.config.json`,
    };
  }
  const base = detected?.dialect === dialect ? detected : identify(exchange, dialect, url);
  return {
    ok: true,
    identity: {
      dialect,
      product: hints.product ?? base.product,
      action: hints.action ?? base.action,
      format: (hints.format as BodyFormat | undefined) ?? base.format,
    },
  };
}
