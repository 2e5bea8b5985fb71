import { requestParams } from "../model/request-params.js";
import { resignAcs3 } from "./alibaba/resign-acs3.js";
import type { Credentials, KeyPair } from "./credentials.js";
import type { Dialect } from "./dialect.js";
import type { OutgoingRequest } from "./request-form.js";
import { resignTc3 } from "./tencent/resign-tc3.js";
import { resignZc2 } from "./zenlayer/resign-zc2.js";

/**
 * Re-signing for another host (the proxy's reverse mode, DESIGN.md): the SDK signed its request for the
 * proxy's address, the upstream checks the signature against the Host it receives.
 */

export type ResignScheme = "TC3-HMAC-SHA256" | "ACS3-HMAC-SHA256" | "ZC2-HMAC-SHA256";

export interface ResignOptions {
  /**
   * TC3: the service for the credential scope, in place of the one the SDK signed. An SDK pointed at an
   * address (the proxy's 127.0.0.1) signs that address's first label ("127") as the service; the proxy
   * passes the service of the public host the request is meant for.
   */
  service?: string | undefined;
}

export type ResignOutcome =
  | { resigned: true; dialect: Dialect; scheme: ResignScheme; request: OutgoingRequest }
  | { resigned: false; reason: string; request: OutgoingRequest };

/** Each scheme that signs the host: its dialect (whose credentials sign) and how its Authorization is redone. */
const SCHEMES: Record<
  ResignScheme,
  {
    dialect: Dialect;
    resign(
      request: OutgoingRequest,
      keys: KeyPair,
      options: ResignOptions,
    ): { authorization: string } | { reason: string };
  }
> = {
  "TC3-HMAC-SHA256": { dialect: "tencent", resign: resignTc3 },
  "ACS3-HMAC-SHA256": { dialect: "alibaba", resign: resignAcs3 },
  "ZC2-HMAC-SHA256": { dialect: "zenlayer", resign: resignZc2 },
};

const isScheme = (word: string): word is ResignScheme => Object.hasOwn(SCHEMES, word);

/** Header names lower-cased; values of names equal but for case joined by ", " (as Node joins repeats). */
function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    lower[key] = Object.hasOwn(lower, key) ? `${lower[key]}, ${value}` : value;
  }
  return lower;
}

/**
 * Why a request without a TC3, ACS3 or ZC2 Authorization is sent as it is. Only the scheme's name is
 * quoted, never the credentials after it, and not a header of one word (which may be a bare token).
 */
function unsignedReason(request: OutgoingRequest): string {
  const authorization = request.headers.authorization?.trim();
  if (authorization) {
    const scheme = /^([A-Za-z][A-Za-z0-9._~+/-]*)\s+\S/.exec(authorization)?.[1];
    const named = scheme ? `the ${JSON.stringify(scheme)} scheme` : "a scheme";
    return `its Authorization is of ${named}, not TC3-HMAC-SHA256, ACS3-HMAC-SHA256 or ZC2-HMAC-SHA256: nothing to re-sign`;
  }
  const params = requestParams(request);
  if (params.has("Signature") && params.has("SignatureMethod")) {
    return "an Alibaba RPC signature (HMAC-SHA1, SignatureVersion 1.0) does not sign the host: the request needs no re-signing";
  }
  return "it carries no signature (no Authorization header, no Alibaba RPC Signature parameter): nothing to re-sign";
}

/**
 * `request` as it will be sent to `host` (the Host header value the proxy sends, may carry a port), its
 * signature recomputed for that host with `credentials` of the request's dialect. Headers arrive with
 * lower-case names (Node's IncomingMessage) and leave with lower-case names; `host` is set to `host`.
 *
 * The host is signed exactly as given. The URL is left as it is (where to connect is the caller's); its
 * path and query are signed as the WHATWG URL serializes them, which is what fetch and http.request send.
 * Whatever else the original signature covered is kept (timestamps, TC3's credential scope, x-acs-*
 * headers, content type, body); where that cannot be done the outcome says why and the request goes with
 * only its host changed.
 */
export function resignForHost(
  request: OutgoingRequest,
  host: string,
  credentials: Credentials,
  options: ResignOptions = {},
): ResignOutcome {
  const headers = lowerCaseHeaders(request.headers);
  headers.host = host;
  const forHost: OutgoingRequest = { ...request, headers };
  const word = (headers.authorization ?? "").trim().split(/\s/, 1)[0] ?? "";
  if (!isScheme(word)) return { resigned: false, reason: unsignedReason(forHost), request: forHost };
  const { dialect, resign } = SCHEMES[word];
  const signed = resign(forHost, credentials[dialect], options);
  if ("reason" in signed) {
    return {
      resigned: false,
      reason: `cannot re-sign this ${word} request: ${signed.reason}`,
      request: forHost,
    };
  }
  return {
    resigned: true,
    dialect,
    scheme: word,
    request: { ...forHost, headers: { ...headers, authorization: signed.authorization } },
  };
}
