import type { Dialect } from "../providers/dialect.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import { findProduct, productsOf } from "../providers/registry.js";
import { ACTION_CALLS } from "./action-calls.js";
import type { CallSpec } from "./call-spec.js";
import { type ActionsRequest, describedCalls } from "./described-calls.js";
import { describedProbes } from "./described-probes.js";
import { probeCalls } from "./probe-catalogue.js";

export interface CallFilter {
  dialects?: readonly Dialect[];
  products?: readonly string[];
  /** Leave the probes out (plain action calls only). */
  noProbes?: boolean;
  /** `--actions`: also call the described actions it selects (described-calls.ts). */
  actions?: ActionsRequest | undefined;
}

/** The probes of the described calls (described-probes.ts), from each action's first call format. */
function probesOfDescribed(calls: readonly CallSpec[]): CallSpec[] {
  return calls.flatMap((call) => {
    const product = findProduct(call.dialect, call.product);
    const first = dialectRequests[call.dialect].callFormats[0];
    return product && call.format === first ? describedProbes(product, call) : [];
  });
}

/**
 * The action calls and probes of a run, narrowed to the dialects and products asked for, with the
 * described actions `--actions` selects after the products' own calls, and their probes after the products'.
 */
export function selectCalls(filter: CallFilter = {}): CallSpec[] {
  const described = filter.actions ? describedCalls(filter.actions, filter) : [];
  const probes = filter.noProbes ? [] : [...probeCalls(), ...probesOfDescribed(described)];
  const all = [...ACTION_CALLS, ...described, ...probes];
  return all.filter(
    (call) =>
      (!filter.dialects || filter.dialects.includes(call.dialect)) &&
      (!filter.products || filter.products.includes(call.product)),
  );
}

/** The products a live run calls, by dialect (for --product's check and its message). */
export const LIVE_PRODUCTS: Readonly<Record<Dialect, readonly string[]>> = {
  tencent: productsOf("tencent").map((p) => p.id),
  alibaba: productsOf("alibaba").map((p) => p.id),
  zenlayer: productsOf("zenlayer").map((p) => p.id),
};
