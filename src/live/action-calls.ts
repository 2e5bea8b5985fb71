import type { BodyFormat } from "../providers/dialect.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import type { ActionCall, ProductDefinition } from "../providers/product.js";
import { PRODUCTS } from "../providers/registry.js";
import type { CallSpec } from "./call-spec.js";

/** The formats a call is made in when it names none: its dialect's (Alibaba JSON and XML, the others JSON). */
const defaultFormats = (product: ProductDefinition) => dialectRequests[product.dialect].callFormats;

export const callId = (product: ProductDefinition, action: string, format: BodyFormat = "json") =>
  `${product.dialect}/${product.id}/${action}${format === "xml" ? ".xml" : ""}`;

function callSpecs(product: ProductDefinition, call: ActionCall): CallSpec[] {
  return (call.formats ?? defaultFormats(product)).map((format) => ({
    id: callId(product, call.action, format),
    dialect: product.dialect,
    product: product.id,
    action: call.action,
    version: product.version,
    format,
    params: call.params,
    region: product.callRegion,
    ...(call.uses
      ? {
          uses: {
            call: callId(product, call.uses.action),
            pointer: call.uses.pointer,
            param: call.uses.param,
          },
        }
      : {}),
  }));
}

/**
 * The action calls of a live run, from every product's definition: actions with parameters a sandbox or a
 * real account can answer without side effects beyond its own test resources.
 */
export const ACTION_CALLS: readonly CallSpec[] = PRODUCTS.flatMap((product) =>
  product.calls.flatMap((call) => callSpecs(product, call)),
);

export function actionCall(id: string): CallSpec {
  const call = ACTION_CALLS.find((c) => c.id === id);
  if (!call) throw new Error(`no action call ${id}`);
  return call;
}
