import type { RecordedRequest } from "../model/exchange.js";
import type { BodyFormat, Dialect } from "./dialect.js";
import type { ProductDefinition } from "./product.js";
import type { RecordedExample } from "./recording-example.js";

/**
 * What a dialect's requests look like, the counterpart of DialectSpec (what its answers look like): how a
 * request of the dialect is recognised and read (detection, DESIGN.md "HAR input"), how a call is addressed
 * and signed on the wire, and in which formats calls are made. One module per dialect implements it
 * (src/providers/DIALECT/requests.ts); src/providers/dialect-requests.ts is the table the layers read.
 */
export interface DialectRequests {
  id: Dialect;
  /** How messages name the provider: "Tencent Cloud". */
  title: string;

  // --- Detection

  /**
   * Whether `host` (lower-cased, without its port) is one of the dialect's public hosts and, where the
   * host names the product (its first label), which: `{ product: "cvm" }` for cvm.tencentcloudapi.com,
   * `{}` for console.zenlayer.com (the path names it). Undefined for any other host.
   */
  matchPublicHost(host: string): { product?: string } | undefined;
  /**
   * Product, action and format of a request of this dialect. `product`, where the host already named it
   * (public host or configured mapping), wins over what the request says.
   */
  identify(request: RecordedRequest, url: URL, product?: string): RequestIdentity;
  /** Whether the request's own headers or parameters announce the dialect (for hosts nobody mapped). */
  announces(request: RecordedRequest): boolean;
  /** What announces it, for messages: header patterns ("X-TC-*") and other signs ("Alibaba RPC parameters"). */
  announcedBy: { headers: readonly string[]; other: readonly string[] };

  // --- Public request form

  /** The formats its calls are made in when a call names none. */
  callFormats: readonly BodyFormat[];
  /** The public host that serves a product, from its service (and region, where the host names one). */
  publicHost(service: string, region?: string | null): string;
  /** The public URL requests for a product go to (before any query). */
  publicUrl(service: string, region?: string | null): string;
  /** A call built and signed against `target` the way the official SDKs do. */
  signedRequest(call: CallToSign, target: URL, keys: SigningKeys): OutgoingRequest;
  /**
   * A product's recorded example as the shipped recordings show it: the request (credentials redacted,
   * timestamps fixed) and the headers of its answer.
   */
  recordedCall(product: ProductDefinition, example: RecordedExample): RecordedCall;
}

/** Where detection cannot tell the product or action. */
export const UNKNOWN = "unknown";

/** What a request says about itself, besides its dialect. */
export interface RequestIdentity {
  product: string;
  action: string;
  format: BodyFormat;
  /** The API version the request names (X-TC-Version, Version, X-ZC-Version), where it names one. */
  version?: string | undefined;
}

/** An HTTP request ready to send: what was signed is exactly what goes on the wire. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** One call to sign (src/live/call-spec.ts CallSpec is one). */
export interface CallToSign {
  /** The product's service: Tencent's credential scope, Zenlayer's /api/v2/SERVICE. */
  product: string;
  action: string;
  version: string;
  format: BodyFormat;
  /** Tencent and Zenlayer: the JSON body; Alibaba: the action's own query parameters. */
  params: Record<string, unknown>;
  /** Tencent X-TC-Region, Alibaba RegionId; null leaves it out. */
  region: string | null;
  /** Default: the dialect's (Alibaba GET, the others POST). */
  method?: string;
}

/** The key pair and time to sign with. */
export interface SigningKeys {
  id: string;
  secret: string;
  /** Unix seconds. */
  timestamp: number;
}

/** A recorded request and the headers of its answer (the body and status are the example's). */
export interface RecordedCall {
  method: "GET" | "POST";
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  contentType: string;
  responseHeaders?: Record<string, string>;
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The target's path without its trailing slashes: requests go below it. */
export const targetBase = (target: URL) => target.pathname.replace(/\/+$/, "");

/** The region a product's recordings and live calls name; an error where it names none. */
export function callRegionOf(product: ProductDefinition): string {
  if (product.callRegion === null) throw new Error(`${product.dialect}/${product.id} names no call region`);
  return product.callRegion;
}
