import type { RawExchange } from "../model/exchange.js";
import type { HostMapping } from "../types/generated/config.js";
import { type BodyFormat, DIALECTS, type Dialect, isDialect } from "./dialect.js";
import { dialectRequests } from "./dialect-requests.js";
import { UNKNOWN } from "./request-form.js";

export interface ExchangeIdentity {
  dialect: Dialect;
  product: string;
  action: string;
  format: BodyFormat;
  /** The API version the request names, where it names one (picks the action's schema; not reported). */
  version?: string | undefined;
}

export type Detection = { ok: true; identity: ExchangeIdentity } | { ok: false; reason: string };

export { UNKNOWN };

/**
 * Which dialect a request announces when its host is neither public nor mapped: the dialects whose own
 * headers announce them first, Alibaba (whose RPC parameters are the weakest sign) last.
 */
const ANNOUNCEMENT_ORDER: readonly Dialect[] = ["tencent", "zenlayer", "alibaba"];

/** "a, b or c". */
const orList = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

const UNKNOWN_HOST_HELP = (() => {
  const signs = ANNOUNCEMENT_ORDER.map((d) => dialectRequests[d].announcedBy);
  const providers = orList(DIALECTS.map((d) => dialectRequests[d].title));
  const headers = `${signs.flatMap((s) => s.headers).join(", ")} header`;
  return `not a ${providers} endpoint and no ${orList([headers, ...signs.flatMap((s) => s.other)])}`;
})();

function hostMatches(pattern: string, host: string, hostWithPort: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith("*.")) return host.endsWith(p.slice(1));
  return p === hostWithPort || p === host;
}

function identify(exchange: RawExchange, dialect: Dialect, url: URL, product?: string): ExchangeIdentity {
  return { dialect, ...dialectRequests[dialect].identify(exchange.request, url, product) };
}

/** The dialect whose public host this is, and the product the host names. */
function publicHost(host: string): { dialect: Dialect; product?: string } | undefined {
  for (const dialect of DIALECTS) {
    const match = dialectRequests[dialect].matchPublicHost(host);
    if (match) return { dialect, ...match };
  }
  return undefined;
}

/** The dialect a request's own headers and parameters announce, for hosts nobody mapped. */
export const dialectFromRequest = (exchange: Pick<RawExchange, "request">): Dialect | undefined =>
  ANNOUNCEMENT_ORDER.find((dialect) => dialectRequests[dialect].announces(exchange.request));

/**
 * Whether detection knows `hostWithPort` by its name: a provider's public host, or one `hosts` maps (the
 * proxy intercepts these and tunnels the others untouched).
 */
export function isKnownHost(hostWithPort: string, hosts: readonly HostMapping[] = []): boolean {
  const withPort = hostWithPort.toLowerCase();
  const host = withPort.replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
  return publicHost(host) !== undefined || hosts.some((m) => hostMatches(m.host, host, withPort));
}

/**
 * Dialect, product, action and format of an exchange, in this order of authority: the recording's own
 * hints, the provider's public host names (DESIGN.md "HAR input"), the configured host mapping, and last
 * the request's dialect-specific headers or parameters. What each dialect's hosts and requests look like
 * is its own (src/providers/DIALECT/requests.ts); only this order is decided here.
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
  const onPublicHost = publicHost(host);
  if (onPublicHost) detected = identify(exchange, onPublicHost.dialect, url, onPublicHost.product);
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
      reason: `unknown dialect hint ${JSON.stringify(hints.dialect)} (expected ${orList(DIALECTS)})`,
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
      reason: `unknown host ${hostWithPort}: ${UNKNOWN_HOST_HELP}; map it under "hosts" in conformance.config.json`,
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
      ...(base.version ? { version: base.version } : {}),
    },
  };
}
