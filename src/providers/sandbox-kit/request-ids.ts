import { randomUUID } from "node:crypto";
import type { ProductDefinition } from "../product.js";

/**
 * A new request ID in the product's usual shape (provider-facts.md §3): a UUID in the product's letter
 * case, after the dialect's prefix (Zenlayer's "T").
 */
export function newRequestId(product: ProductDefinition, prefix = ""): string {
  const uuid = randomUUID();
  return `${prefix}${product.requestIdCase === "upper" ? uuid.toUpperCase() : uuid}`;
}
