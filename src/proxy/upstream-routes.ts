/** Where a request the proxy forwards goes, and with which Host header. */
export interface Route {
  /** The URL the proxy requests: the mapped upstream's origin and base path, then the request's path and query. */
  target: URL;
  /** The Host header it sends (and signs, when it differs from the one the SDK sent). */
  host: string;
}

/** `host` or `host:port` as an upstream map key: lower-case, the scheme's default port left out. */
export function authorityKey(url: URL): string {
  return url.host.toLowerCase();
}

/**
 * The route of a request the SDK meant for `logical` (its own endpoint, or the public host reverse mode
 * derived): to the mapped upstream when one is mapped for its host (the mapped URL's base path before the
 * request's path), else to `logical` itself. A mapped request carries the upstream's host unless
 * `keepHost`, as curl --connect-to does.
 */
export function routeFor(logical: URL, upstreams: ReadonlyMap<string, URL>, keepHost: boolean): Route {
  const mapped = upstreams.get(authorityKey(logical)) ?? upstreams.get(logical.hostname.toLowerCase());
  if (!mapped) return { target: logical, host: logical.host };
  const base = mapped.pathname.replace(/\/+$/, "");
  const target = new URL(`${base}${logical.pathname}${logical.search}`, mapped.origin);
  return { target, host: keepHost ? logical.host : mapped.host };
}
