import type { Dialect } from "../providers/dialect.js";
import { PRODUCTS, probeExpectation } from "../providers/registry.js";
import { actionCall, callId } from "./action-calls.js";
import type { CallSpec, ProbeExpectation } from "./call-spec.js";

export interface ProbeInfo {
  name: string;
  dialect: Dialect;
  description: string;
  expected: ProbeExpectation;
}

const DEFINED = PRODUCTS.flatMap((product) => product.probes.map((probe) => ({ product, probe })));

/**
 * Deliberately bad requests and the documented error each must draw (judged by probe-expected-code), from
 * every product's definition. Where a provider documents a case for one product only, the probe uses that
 * product.
 */
export const PROBES: readonly ProbeInfo[] = DEFINED.map(({ product, probe }) => ({
  name: probe.name,
  dialect: product.dialect,
  description: probe.description,
  expected: probeExpectation(product, probe),
}));

/** Every probe as a call: its base action call with the probe's change applied. */
export function probeCalls(): CallSpec[] {
  return DEFINED.map(({ product, probe }) => {
    const { uses: _uses, ...base } = actionCall(callId(product, probe.base));
    return {
      ...base,
      ...probe.change,
      id: `probe:${product.dialect}/${probe.name}`,
      probe: { name: probe.name, expected: probeExpectation(product, probe) },
    };
  });
}
