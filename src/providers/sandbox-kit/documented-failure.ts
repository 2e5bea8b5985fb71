import type { ProductDefinition } from "../product.js";
import { failureAnswer } from "../registry.js";
import type { Failure, Refusal } from "./refusal.js";

/** A refusal with the code and HTTP status `product` documents for its kind (registry), and `message`. */
export function documentedFailure(product: ProductDefinition, refusal: Refusal, message: string): Failure {
  const { code, status } = failureAnswer(product, refusal.kind);
  return { kind: refusal.kind, code, status, message };
}
