import type { Dialect } from "../providers/dialect.js";
import { productsOf } from "../providers/registry.js";
import { ACTION_CALLS } from "./action-calls.js";
import type { CallSpec } from "./call-spec.js";
import { type ActionsRequest, describedCalls } from "./described-calls.js";
import { probeCalls } from "./probe-catalogue.js";

export interface CallFilter {
  dialects?: readonly Dialect[];
  products?: readonly string[];
  /** Leave the probes out (plain action calls only). */
  noProbes?: boolean;
  /** `--actions`: also call the described actions it selects (described-calls.ts). */
  actions?: ActionsRequest | undefined;
}

/**
 * The action calls and probes of a run, narrowed to the dialects and products asked for, with the
 * described actions `--actions` selects after the products' own calls.
 */
export function selectCalls(filter: CallFilter = {}): CallSpec[] {
  const described = filter.actions ? describedCalls(filter.actions, filter) : [];
  const all = [...ACTION_CALLS, ...described, ...(filter.noProbes ? [] : probeCalls())];
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
