import type { BodyFormat } from "./dialect.js";
import type { ProductDefinition } from "./product.js";

/** What a recording shows in place of a credential, a signature or a secret. */
export const REDACTED = "[REDACTED]";

/**
 * One exchange of a product's shipped recording (recordings/DIALECT-PRODUCT.har), as the product's
 * src/providers/DIALECT/PRODUCT/recordings.ts lists it: only what differs between its exchanges.
 * `npm run recordings` (scripts/make-recordings.ts) adds the rest: the host, version and region from the
 * product definition, the request's form and the response's headers from the dialect.
 */
export interface RecordedExample {
  /** What the exchange shows (the HAR entry's comment). */
  comment: string;
  action: string;
  /** Alibaba: the Format it was asked in (default JSON). Tencent and Zenlayer answer JSON only. */
  format?: BodyFormat;
  /**
   * Tencent and Zenlayer: the JSON request body (default `{}`); Alibaba: the action's own query
   * parameters, after the common ones.
   */
  params?: Record<string, unknown>;
  status: number;
  /**
   * The response body as sent: text (XML) as it is, any other value as JSON with two-space indentation.
   * Alibaba's `x-acs-request-id` header repeats the body's RequestId.
   */
  body: string | Record<string, unknown>;
}

/** An XML answer: the declaration, then `inner` under `root`. */
export const xmlDocument = (root: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${inner}</${root}>`;

/** An Alibaba product's HostId in its recorded errors: its endpoint for the region the recordings call. */
export function recordedHostId(product: ProductDefinition): string {
  if (!product.endpoint) throw new Error(`${product.dialect}/${product.id} has no endpoint`);
  return product.endpoint(product.callRegion ?? undefined);
}
