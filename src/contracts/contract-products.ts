import type { CallSpec } from "../live/call-spec.js";
import type { Dialect } from "../providers/dialect.js";
import type { ProductDefinition } from "../providers/product.js";
import { findProduct, PRODUCTS } from "../providers/registry.js";

/** One Pact file per provider product: the provider's name in the pact and where its answers come from. */
export interface ContractProduct {
  /** `${dialect}-${id}`: tencent-cvm, alibaba-kms, … */
  provider: string;
  dialect: Dialect;
  product: string;
}

/** Every product of the registry, sorted by provider name. */
export const CONTRACT_PRODUCTS: readonly ContractProduct[] = PRODUCTS.map((p) => ({
  provider: `${p.dialect}-${p.id}`,
  dialect: p.dialect,
  product: p.id,
})).sort((a, b) => a.provider.localeCompare(b.provider));

/** The product definition a call (or a contract's dialect and product) belongs to. */
export function productOf(call: Pick<CallSpec, "dialect" | "product">): ProductDefinition {
  const product = findProduct(call.dialect, call.product);
  if (!product) throw new Error(`no product ${call.dialect}/${call.product} in the registry`);
  return product;
}

export const DEFAULT_CONSUMER = "sdk";

/** The file name pact-js gives a pact: CONSUMER-PROVIDER.json. */
export const pactFileName = (consumer: string, provider: string) => `${consumer}-${provider}.json`;
