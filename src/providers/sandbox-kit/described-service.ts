import type { ProductDefinition } from "../product.js";

/**
 * A service the registry has no folder for, served from its actions document alone (the sandbox's
 * `describedProducts` option, docs/sandbox.md): the facts of `fallback`, the dialect's product that answers
 * unknown services (failures, request-ID case, regions: the descriptions name none of those), under the
 * service's own name and version, with no calls and no probes of its own.
 */
export function describedServiceProduct(
  fallback: ProductDefinition,
  service: string,
  version: string,
): ProductDefinition {
  return {
    ...fallback,
    id: service,
    title: `${service} (from its description)`,
    version,
    service,
    calls: [],
    probes: [],
  };
}
