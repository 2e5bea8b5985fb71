import type { ProductDefinition } from "../product.js";
import { findProduct } from "../registry.js";

/**
 * A Tencent product the registry has no folder for, served from its actions document alone (the sandbox's
 * `describedProducts` option, docs/sandbox.md): the dialect's failures, lower-case request IDs (79% of the
 * official examples, provider-facts.md §3), and CVM's regions (api.json names no regions). It has no calls
 * and no probes of its own.
 */
export function describedTencentProduct(service: string, version: string): ProductDefinition {
  const cvm = findProduct("tencent", "cvm");
  const regions = cvm?.regions ?? ["ap-guangzhou"];
  return {
    dialect: "tencent",
    id: service,
    title: `${service} (from its description)`,
    version,
    sources: ["seeds/001_24c71a7bf7ab4a40.txt", "seeds/003_a0227fc7fe36601c.txt"],
    service,
    regions,
    callRegion: regions[0] ?? "ap-guangzhou",
    requestIdCase: "lower",
    failureSource: "seeds/001, 003 common error codes; HTTP 200 per provider-facts §1",
    calls: [],
    probes: [],
  };
}
