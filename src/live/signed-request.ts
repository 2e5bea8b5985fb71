import { randomUUID } from "node:crypto";
import { signRpc } from "../providers/alibaba/rpc-signature.js";
import type { Credentials } from "../providers/credentials.js";
import { signTc3 } from "../providers/tencent/tc3.js";
import { signZc2 } from "../providers/zenlayer/zc2.js";
import type { CallSpec } from "./call-spec.js";

/** An HTTP request ready to send: what was signed is exactly what goes on the wire. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = "application/json; charset=utf-8";

function keys(call: CallSpec, credentials: Credentials) {
  const pair = credentials[call.dialect];
  return { id: call.signing?.keyId ?? pair.id, secret: pair.secret + (call.signing?.secretSuffix ?? "") };
}

/** Alibaba's Timestamp: ISO 8601 in UTC, no milliseconds. */
const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Builds and signs one call against `target` the way the official SDKs do: Tencent TC3 over a JSON POST
 * (host signed without the port, as tencentcloud-sdk-nodejs does), Alibaba RPC HMAC-SHA1 over the query,
 * Zenlayer ZC2 over a JSON POST to /api/v2/SERVICE.
 */
export function signedRequest(
  call: CallSpec,
  target: URL,
  credentials: Credentials,
  nowSeconds: number,
): OutgoingRequest {
  const { id, secret } = keys(call, credentials);
  const timestamp = nowSeconds + (call.signing?.timestampOffsetSeconds ?? 0);
  const method = call.method ?? (call.dialect === "alibaba" ? "GET" : "POST");
  const base = target.pathname.replace(/\/+$/, "");
  switch (call.dialect) {
    case "tencent": {
      const body = JSON.stringify(call.params);
      const path = `${base}/`;
      const signed = signTc3({
        secretId: id,
        secretKey: secret,
        service: call.product,
        host: target.hostname,
        timestamp,
        contentType: JSON_TYPE,
        body,
        method,
        path,
      });
      const headers: Record<string, string> = {
        "Content-Type": JSON_TYPE,
        "X-TC-Action": call.action,
        "X-TC-Version": call.version,
        "X-TC-Timestamp": String(timestamp),
        Authorization: signed.authorization,
      };
      if (call.region !== null) headers["X-TC-Region"] = call.region;
      return { method, url: new URL(path, target).toString(), headers, body };
    }
    case "alibaba": {
      const params: Record<string, string> = {
        AccessKeyId: id,
        Action: call.action,
        Format: call.format.toUpperCase(),
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: randomUUID(),
        SignatureVersion: "1.0",
        Timestamp: isoSeconds(timestamp),
        Version: call.version,
        ...(call.region === null ? {} : { RegionId: call.region }),
        ...Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k, String(v)])),
      };
      params.Signature = signRpc(method, params, secret);
      const url = new URL(`${base}/`, target);
      url.search = new URLSearchParams(params).toString().replace(/\+/g, "%20");
      return { method, url: url.toString(), headers: {}, body: "" };
    }
    case "zenlayer": {
      const body = JSON.stringify(call.params);
      const signed = signZc2({
        accessKeyId: id,
        accessKeyPassword: secret,
        host: target.hostname,
        timestamp,
        contentType: JSON_TYPE,
        body,
        method,
      });
      const headers = {
        "Content-Type": JSON_TYPE,
        "X-ZC-Action": call.action,
        "X-ZC-Version": call.version,
        "X-ZC-Timestamp": String(timestamp),
        "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
        Authorization: signed.authorization,
      };
      return { method, url: new URL(`${base}/api/v2/${call.product}`, target).toString(), headers, body };
    }
  }
}
