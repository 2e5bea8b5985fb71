import type { RecordedRequest } from "../../model/exchange.js";
import type { ProductDefinition } from "../product.js";
import { REDACTED, type RecordedExample } from "../recording-example.js";
import {
  type CallToSign,
  type DialectRequests,
  JSON_CONTENT_TYPE,
  type OutgoingRequest,
  type RecordedCall,
  type RequestIdentity,
  type SigningKeys,
  targetBase,
  UNKNOWN,
} from "../request-form.js";
import { signZc2 } from "./zc2.js";

/**
 * Zenlayer Cloud requests: a JSON POST to console.zenlayer.com/api/v2/SERVICE, the action in X-ZC-Action,
 * signed with ZC2-HMAC-SHA256.
 */

const PUBLIC_HOST = "console.zenlayer.com";
const SERVICE_PATH = /^\/api\/v2\/([^/?#]+)/;

/** The host names no product: the path does. */
const matchPublicHost = (host: string) => (host.toLowerCase() === PUBLIC_HOST ? {} : undefined);

function identify(request: RecordedRequest, url: URL, product?: string): RequestIdentity {
  const version = request.headers["x-zc-version"];
  return {
    product: product ?? SERVICE_PATH.exec(url.pathname)?.[1] ?? UNKNOWN,
    action: request.headers["x-zc-action"] ?? UNKNOWN,
    format: "json",
    ...(version ? { version } : {}),
  };
}

const servicePath = (service: string) => `/api/v2/${service}`;
const publicUrl = (service: string) => `https://${PUBLIC_HOST}${servicePath(service)}`;

/** A JSON POST to /api/v2/SERVICE below the target, signed with ZC2. */
function signedRequest(call: CallToSign, target: URL, keys: SigningKeys): OutgoingRequest {
  const method = call.method ?? "POST";
  const body = JSON.stringify(call.params);
  const signed = signZc2({
    accessKeyId: keys.id,
    accessKeyPassword: keys.secret,
    host: target.hostname,
    timestamp: keys.timestamp,
    contentType: JSON_CONTENT_TYPE,
    body,
    method,
  });
  const headers = {
    "Content-Type": JSON_CONTENT_TYPE,
    "X-ZC-Action": call.action,
    "X-ZC-Version": call.version,
    "X-ZC-Timestamp": String(keys.timestamp),
    "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
    Authorization: signed.authorization,
  };
  const url = new URL(`${targetBase(target)}${servicePath(call.product)}`, target).toString();
  return { method, url, headers, body };
}

function recordedCall(product: ProductDefinition, example: RecordedExample): RecordedCall {
  return {
    method: "POST",
    url: publicUrl(product.service),
    requestHeaders: {
      "Content-Type": JSON_CONTENT_TYPE,
      "X-ZC-Action": example.action,
      "X-ZC-Version": product.version,
      "X-ZC-Timestamp": "1763625600",
      "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
      Authorization: `ZC2-HMAC-SHA256 Credential=${REDACTED}, SignedHeaders=content-type;host, Signature=${REDACTED}`,
    },
    requestBody: JSON.stringify(example.params ?? {}),
    contentType: "application/json",
  };
}

export const zenlayerRequests: DialectRequests = {
  id: "zenlayer",
  title: "Zenlayer",
  matchPublicHost,
  identify,
  announces: (request) => Boolean(request.headers["x-zc-action"]),
  announcedBy: { headers: ["X-ZC-*"], other: [] },
  callFormats: ["json"],
  publicHost: () => PUBLIC_HOST,
  publicUrl,
  signedRequest,
  recordedCall,
};
