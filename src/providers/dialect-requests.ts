import { alibabaRequests } from "./alibaba/requests.js";
import type { Dialect } from "./dialect.js";
import type { ProductDefinition } from "./product.js";
import type { DialectRequests } from "./request-form.js";
import { tencentRequests } from "./tencent/requests.js";
import { zenlayerRequests } from "./zenlayer/requests.js";

export type {
  CallToSign,
  DialectRequests,
  OutgoingRequest,
  RecordedCall,
  RequestIdentity,
  SigningKeys,
} from "./request-form.js";

/**
 * Each dialect's requests (src/providers/DIALECT/requests.ts): detection, the public request form and the
 * call formats. Detection, the live runner, the recordings generator and the benchmarks read this table
 * instead of telling the dialects apart themselves.
 */
export const dialectRequests: Record<Dialect, DialectRequests> = {
  tencent: tencentRequests,
  alibaba: alibabaRequests,
  zenlayer: zenlayerRequests,
};

/** The public URL a product's requests go to, from its service (and its call region, for Alibaba). */
export const publicUrlOf = (product: ProductDefinition): string =>
  dialectRequests[product.dialect].publicUrl(product.service, product.callRegion);
