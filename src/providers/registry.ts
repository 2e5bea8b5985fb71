import type { ProbeExpectation } from "../model/exchange.js";
import { ALIBABA_COMMON_FAILURES } from "./alibaba/failures.js";
import type { Dialect } from "./dialect.js";
import { PRODUCT_DEFINITIONS } from "./generated/product-index.js";
import type { FailureAnswer, FailureTable, ProbeDefinition, ProductDefinition } from "./product.js";
import { TENCENT_FAILURES } from "./tencent/failures.js";
import { ZENLAYER_FAILURES } from "./zenlayer/failures.js";

/**
 * The one list of products (src/providers/DIALECT/PRODUCT/product.ts, indexed by `npm run gen:providers`)
 * and what follows from it. Every layer asks here: detection, rules, the live runner, the sandbox,
 * contracts, the recordings generator, docs and tests.
 */
export const PRODUCTS: readonly ProductDefinition[] = PRODUCT_DEFINITIONS;

/** What a dialect's products share when their own definition is silent. */
const DIALECT_FAILURES: Record<Dialect, FailureTable> = {
  tencent: TENCENT_FAILURES,
  // Products that document their own statuses (KMS: provider-facts.md §1) override these.
  alibaba: ALIBABA_COMMON_FAILURES,
  zenlayer: ZENLAYER_FAILURES,
};

export function productsOf(dialect: Dialect): ProductDefinition[] {
  return PRODUCTS.filter((p) => p.dialect === dialect);
}

export function findProduct(dialect: Dialect, id: string): ProductDefinition | undefined {
  return PRODUCTS.find((p) => p.dialect === dialect && p.id === id);
}

/** The product a request names by its host's first label or Zenlayer's /api/v2/SERVICE. */
export function productByService(dialect: Dialect, service: string): ProductDefinition | undefined {
  const wanted = service.toLowerCase();
  return PRODUCTS.find((p) => p.dialect === dialect && p.service === wanted);
}

/** The product whose API version this is, where only one product of the dialect has it. */
export function productByVersion(dialect: Dialect, version: string): ProductDefinition | undefined {
  const matches = PRODUCTS.filter((p) => p.dialect === dialect && p.version === version);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The product's answer to each kind of bad request: its own, else its dialect's. */
export function failureAnswer(product: ProductDefinition, kind: keyof FailureTable): FailureAnswer {
  return product.failures?.[kind] ?? DIALECT_FAILURES[product.dialect][kind];
}

/** What a probe must draw from a target: its failure's documented code and status (or status class). */
export function probeExpectation(product: ProductDefinition, probe: ProbeDefinition): ProbeExpectation {
  const answer = failureAnswer(product, probe.failure);
  const statusClass = `${Math.floor(answer.status / 100)}xx` as "4xx" | "5xx";
  return {
    code: answer.expect?.code === false ? null : answer.code,
    status: answer.expect?.status === "class" ? statusClass : answer.status,
    source: answer.source ?? product.failureSource,
  };
}
