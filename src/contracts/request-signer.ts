import { randomUUID } from "node:crypto";
import { signRpc } from "../providers/alibaba/rpc-signature.js";
import type { Credentials } from "../providers/credentials.js";
import type { Dialect } from "../providers/dialect.js";
import { signTc3 } from "../providers/tencent/tc3.js";
import { signZc2 } from "../providers/zenlayer/zc2.js";
import type { StateSigning } from "./provider-states.js";

/** The parts of a request the verifier replays that signing rewrites (an express request, narrowed). */
export interface ReplayedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed by the verifier proxy's body-parser: JSON bodies become objects, re-sent as JSON.stringify. */
  body?: unknown;
}

/** Which dialect a replayed request speaks, from the contract's own headers and query. */
export function dialectOf(request: ReplayedRequest): Dialect | undefined {
  if (request.headers["x-tc-action"] !== undefined) return "tencent";
  if (request.headers["x-zc-action"] !== undefined) return "zenlayer";
  if (new URL(request.url, "http://x").searchParams.has("SignatureMethod")) return "alibaba";
  return undefined;
}

/**
 * The service a replayed Tencent request is signed for: the one its own Authorization's credential scope
 * names (the contract's example, from the product's `service`).
 */
function tc3ServiceOf(request: ReplayedRequest): string {
  const authorization = String(request.headers.authorization ?? "");
  const service = /Credential=[^/\s]+\/\d{4}-\d{2}-\d{2}\/([^/\s]+)\/tc3_request/.exec(authorization)?.[1];
  if (!service) throw new Error(`a Tencent request without a TC3 credential scope: ${authorization}`);
  return service;
}

const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The body bytes the proxy forwards (pact-js parseBody: JSON.stringify of a parsed object). */
export function bodyText(request: ReplayedRequest): string {
  if (request.body === undefined || request.body === null) return "";
  if (Buffer.isBuffer(request.body)) return request.body.toString("utf8");
  if (typeof request.body === "object") return JSON.stringify(request.body);
  return String(request.body);
}

/**
 * Signs a replayed contract request for `target` as src/live/signed-request.ts does (TC3, Alibaba RPC
 * HMAC-SHA1 over a rewritten query, ZC2), with the provider state's faults: a wrong secret, an unknown
 * key id, an old timestamp; `overrides` replace query parameters (e.g. a created ScalingGroupId).
 */
export function signReplayedRequest(
  request: ReplayedRequest,
  target: URL,
  credentials: Credentials,
  signing: StateSigning,
  nowSeconds: number,
  overrides: Record<string, string> = {},
): void {
  const dialect = dialectOf(request);
  if (!dialect) return;
  const id = signing.keyId ?? credentials[dialect].id;
  const secret = credentials[dialect].secret + (signing.secretSuffix ?? "");
  const timestamp = nowSeconds + (signing.timestampOffsetSeconds ?? 0);
  const method = request.method.toUpperCase();
  switch (dialect) {
    case "tencent":
    case "zenlayer": {
      const contentType = String(request.headers["content-type"] ?? "application/json");
      const body = bodyText(request);
      const common = { host: target.hostname, timestamp, contentType, body, method };
      const authorization =
        dialect === "tencent"
          ? signTc3({
              ...common,
              secretId: id,
              secretKey: secret,
              service: tc3ServiceOf(request),
              path: new URL(request.url, "http://x").pathname,
            }).authorization
          : signZc2({ ...common, accessKeyId: id, accessKeyPassword: secret }).authorization;
      request.headers[dialect === "tencent" ? "x-tc-timestamp" : "x-zc-timestamp"] = String(timestamp);
      request.headers.authorization = authorization;
      return;
    }
    case "alibaba": {
      const url = new URL(request.url, "http://x");
      const params: Record<string, string> = Object.fromEntries(url.searchParams);
      delete params.Signature;
      Object.assign(params, overrides, {
        AccessKeyId: id,
        SignatureNonce: randomUUID(),
        Timestamp: isoSeconds(timestamp),
      });
      params.Signature = signRpc(method, params, secret);
      request.url = `${url.pathname}?${new URLSearchParams(params).toString().replace(/\+/g, "%20")}`;
      return;
    }
  }
}
