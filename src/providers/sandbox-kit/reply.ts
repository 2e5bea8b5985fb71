import type { BodyFormat, Dialect } from "../dialect.js";
import type { ProductDefinition } from "../product.js";
import type { Failure } from "./refusal.js";

/**
 * What the sandbox answers, before it is rendered: the dialect's success data or a failure. Defects
 * (apply-defects.ts) change a reply and its rendering hints; the dialect's renderer writes the bytes.
 */
export interface ReplyBase {
  dialect: Dialect;
  product: ProductDefinition;
  action: string;
  format: BodyFormat;
  requestId: string;
  /** Alibaba errors: the endpoint that answered (the product's `endpoint` for the request's region). */
  hostId?: string;
  /** Extra response headers (Retry-After, X-TC-TraceId). */
  headers?: Record<string, string>;
}

export type Reply = ReplyBase &
  ({ ok: true; data: Record<string, unknown> } | { ok: false; failure: Failure });

/** How to render a reply, beyond its content: set by defects, honoured by every renderer. */
export interface RenderHints {
  omitMessage?: boolean;
  omitRequestId?: boolean;
  omitHostId?: boolean;
  /** KMS: the HttpStatus written in an error body, when it must differ from the HTTP status. */
  bodyHttpStatus?: number;
  /** Zenlayer: response.requestId, when it must differ from the outer one. */
  innerRequestId?: string;
  /** Alibaba XML: the root element, when it must differ from the documented one. */
  xmlRoot?: string;
}

/** A rendered answer. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const CONTENT_TYPE = {
  json: "application/json",
  alibabaJson: "application/json;charset=utf-8",
  alibabaXml: "text/xml;charset=utf-8",
} as const;
