import { randomUUID } from "node:crypto";
import type { RecordedRequest } from "../../model/exchange.js";
import { requestParams } from "../../model/request-params.js";
import type { ProductDefinition } from "../product.js";
import { REDACTED, type RecordedExample } from "../recording-example.js";
import { productByVersion } from "../registry.js";
import {
  type CallToSign,
  callRegionOf,
  type DialectRequests,
  type OutgoingRequest,
  type RecordedCall,
  type RequestIdentity,
  type SigningKeys,
  targetBase,
  UNKNOWN,
} from "../request-form.js";
import { signRpc } from "./rpc-signature.js";

/**
 * Alibaba Cloud RPC requests: the parameters (Action, Version, Format, …) in the query or a form body, or
 * the action in x-acs-action (ACS3), at SERVICE.REGION.aliyuncs.com (or SERVICE.aliyuncs.com); the live
 * runner signs them with HMAC-SHA1 over the query, as the RPC SDKs do. Calls are made in JSON and XML.
 */

const PUBLIC_HOST = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*aliyuncs\.com$/i;

function matchPublicHost(host: string): { product?: string } | undefined {
  const match = PUBLIC_HOST.exec(host);
  return match ? { product: match[1]?.toLowerCase() } : undefined;
}

/** The product from the host where it names one, else from the API version where one product has it. */
function identify(request: RecordedRequest, _url: URL, product?: string): RequestIdentity {
  const { headers } = request;
  const params = requestParams(request);
  const version = params.get("Version") ?? headers["x-acs-version"] ?? "";
  return {
    product: product ?? productByVersion("alibaba", version)?.id ?? UNKNOWN,
    action: params.get("Action") ?? headers["x-acs-action"] ?? UNKNOWN,
    format: (params.get("Format") ?? "").toLowerCase() === "xml" ? "xml" : "json",
    ...(version ? { version } : {}),
  };
}

/** An x-acs-action header (ACS3), or RPC parameters: Action, Version and a signature's or key's name. */
function announces(request: RecordedRequest): boolean {
  if (request.headers["x-acs-action"]) return true;
  const params = requestParams(request);
  return (
    params.has("Action") &&
    params.has("Version") &&
    (params.has("SignatureMethod") || params.has("AccessKeyId"))
  );
}

function publicHost(service: string, region?: string | null): string {
  if (!region) throw new Error(`an Alibaba Cloud public host names a region: ${service}.REGION.aliyuncs.com`);
  return `${service}.${region}.aliyuncs.com`;
}

const publicUrl = (service: string, region?: string | null) => `https://${publicHost(service, region)}/`;

/** Alibaba's Timestamp: ISO 8601 in UTC, no milliseconds. */
const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** RPC: every parameter in the query, signed with HMAC-SHA1 (Signature last), no body. */
function signedRequest(call: CallToSign, target: URL, keys: SigningKeys): OutgoingRequest {
  const method = call.method ?? "GET";
  const params: Record<string, string> = {
    AccessKeyId: keys.id,
    Action: call.action,
    Format: call.format.toUpperCase(),
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: randomUUID(),
    SignatureVersion: "1.0",
    Timestamp: isoSeconds(keys.timestamp),
    Version: call.version,
    ...(call.region === null ? {} : { RegionId: call.region }),
    ...Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k, String(v)])),
  };
  params.Signature = signRpc(method, params, keys.secret);
  const url = new URL(`${targetBase(target)}/`, target);
  url.search = new URLSearchParams(params).toString().replace(/\+/g, "%20");
  return { method, url: url.toString(), headers: {}, body: "" };
}

const JSON_TYPE = "application/json; charset=utf-8";
const XML_TYPE = "text/xml;charset=utf-8";

const bodyText = (body: RecordedExample["body"]) =>
  typeof body === "string" ? body : JSON.stringify(body, null, 2);

/** The RequestId of an Alibaba answer, which its x-acs-request-id header repeats. */
function requestIdOf(body: RecordedExample["body"]): string {
  const id = typeof body === "string" ? /<RequestId>([^<]+)<\/RequestId>/.exec(body)?.[1] : body.RequestId;
  if (typeof id !== "string") throw new Error(`an Alibaba recording without a RequestId: ${bodyText(body)}`);
  return id;
}

/** A GET with the parameters in the query at SERVICE.REGION.aliyuncs.com; XML when Format=XML. */
function recordedCall(product: ProductDefinition, example: RecordedExample): RecordedCall {
  const format = (example.format ?? "json").toUpperCase();
  const region = callRegionOf(product);
  const params = new URLSearchParams({
    AccessKeyId: REDACTED,
    Action: example.action,
    Format: format,
    RegionId: region,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: `nonce-${example.action}-${example.status}-${format}`,
    SignatureVersion: "1.0",
    Timestamp: "2026-11-20T08:00:00Z",
    Version: product.version,
    ...Object.fromEntries(Object.entries(example.params ?? {}).map(([name, value]) => [name, String(value)])),
    Signature: REDACTED,
  });
  return {
    method: "GET",
    url: `${publicUrl(product.service, region)}?${params}`,
    requestHeaders: { "User-Agent": "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.7.12" },
    contentType: format === "XML" ? XML_TYPE : JSON_TYPE,
    responseHeaders: { "x-acs-request-id": requestIdOf(example.body) },
  };
}

export const alibabaRequests: DialectRequests = {
  id: "alibaba",
  title: "Alibaba Cloud",
  matchPublicHost,
  identify,
  announces,
  announcedBy: { headers: ["x-acs-*"], other: ["Alibaba RPC parameters"] },
  // Both formats, so that format-parity can compare the answers.
  callFormats: ["json", "xml"],
  publicHost,
  publicUrl,
  signedRequest,
  recordedCall,
};
