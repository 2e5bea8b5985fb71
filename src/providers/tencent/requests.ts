import type { RecordedRequest } from "../../model/exchange.js";
import { requestParams } from "../../model/request-params.js";
import type { ProductDefinition } from "../product.js";
import { REDACTED, type RecordedExample } from "../recording-example.js";
import {
  type CallToSign,
  callRegionOf,
  type DialectRequests,
  JSON_CONTENT_TYPE,
  type OutgoingRequest,
  type RecordedCall,
  type RequestIdentity,
  type SigningKeys,
  targetBase,
  UNKNOWN,
} from "../request-form.js";
import { signTc3 } from "./tc3.js";

/**
 * Tencent Cloud API 3.0 requests: a JSON POST to SERVICE.tencentcloudapi.com (any label may follow the
 * service: cvm.ap-guangzhou.tencentcloudapi.com, cvm.intl.tencentcloudapi.com), the action in X-TC-Action,
 * signed with TC3-HMAC-SHA256.
 */

const PUBLIC_HOST = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*tencentcloudapi\.com$/i;

function matchPublicHost(host: string): { product?: string } | undefined {
  const match = PUBLIC_HOST.exec(host);
  return match ? { product: match[1]?.toLowerCase() } : undefined;
}

/** The service of the TC3 credential scope: "Credential=ID/DATE/SERVICE/tc3_request". */
function credentialService(request: RecordedRequest): string | undefined {
  const match = /Credential=[^/,\s]+\/[^/,\s]+\/([^/,\s]+)\/tc3_request/.exec(
    request.headers.authorization ?? "",
  );
  return match?.[1];
}

function identify(request: RecordedRequest, _url: URL, product?: string): RequestIdentity {
  const version = request.headers["x-tc-version"] ?? requestParams(request).get("Version");
  return {
    product: product ?? credentialService(request) ?? UNKNOWN,
    action: request.headers["x-tc-action"] ?? requestParams(request).get("Action") ?? UNKNOWN,
    format: "json",
    ...(version ? { version } : {}),
  };
}

const publicHost = (service: string) => `${service}.tencentcloudapi.com`;
const publicUrl = (service: string) => `https://${publicHost(service)}/`;

/** A JSON POST signed with TC3, the host signed without the port (as tencentcloud-sdk-nodejs does). */
function signedRequest(call: CallToSign, target: URL, keys: SigningKeys): OutgoingRequest {
  const method = call.method ?? "POST";
  const body = JSON.stringify(call.params);
  const path = `${targetBase(target)}/`;
  const signed = signTc3({
    secretId: keys.id,
    secretKey: keys.secret,
    service: call.product,
    host: target.hostname,
    timestamp: keys.timestamp,
    contentType: JSON_CONTENT_TYPE,
    body,
    method,
    path,
  });
  const headers: Record<string, string> = {
    "Content-Type": JSON_CONTENT_TYPE,
    "X-TC-Action": call.action,
    "X-TC-Version": call.version,
    "X-TC-Timestamp": String(keys.timestamp),
    Authorization: signed.authorization,
  };
  if (call.region !== null) headers["X-TC-Region"] = call.region;
  return { method, url: new URL(path, target).toString(), headers, body };
}

function recordedCall(product: ProductDefinition, example: RecordedExample): RecordedCall {
  return {
    method: "POST",
    url: publicUrl(product.service),
    requestHeaders: {
      "Content-Type": JSON_CONTENT_TYPE,
      "X-TC-Action": example.action,
      "X-TC-Version": product.version,
      "X-TC-Region": callRegionOf(product),
      "X-TC-Timestamp": "1763625600",
      Authorization: `TC3-HMAC-SHA256 Credential=${REDACTED}/2026-11-20/${product.service}/tc3_request, SignedHeaders=content-type;host, Signature=${REDACTED}`,
    },
    requestBody: JSON.stringify(example.params ?? {}),
    contentType: "application/json",
  };
}

export const tencentRequests: DialectRequests = {
  id: "tencent",
  title: "Tencent Cloud",
  matchPublicHost,
  identify,
  announces: (request) => Boolean(request.headers["x-tc-action"]),
  announcedBy: { headers: ["X-TC-*"], other: [] },
  callFormats: ["json"],
  publicHost,
  publicUrl,
  signedRequest,
  recordedCall,
};
