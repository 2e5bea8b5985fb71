import type { DialectSpec, Outcome } from "../providers/dialect.js";

/**
 * Body fields that a dedicated rule judges (request IDs, error code and message, Alibaba HostId and KMS
 * HttpStatus). The schema rules leave them alone, so that a missing request ID is one
 * request-id-present finding and not an envelope-shape finding as well.
 */
export function ownedPointers(spec: DialectSpec, outcome: Outcome): Set<string> {
  const owned = new Set(spec.requestIdPointers(outcome));
  if (outcome === "error") {
    owned.add(spec.errorCodePointer);
    owned.add(spec.errorMessagePointer);
  }
  if (spec.id === "alibaba") {
    owned.add("/HostId");
    owned.add("/HttpStatus");
  }
  return owned;
}
