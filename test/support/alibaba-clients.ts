import * as OpenApi from "@alicloud/openapi-client";
import { expect } from "chai";
import { resolvePointer } from "../../src/model/json-pointer.js";
import type { ActionCall, ProductDefinition } from "../../src/providers/product.js";

/**
 * What the tests of Alibaba's official Node clients share (test/clients/every-product.test.ts,
 * test/clients/alibaba-every-action.test.ts): the openapi-client class, the parameters of an RPC-style
 * callApi, the request-ID shape and the parameters of a product's calls.
 */

/** The darabonba client class of @alicloud/openapi-client (the CommonJS module's default export). */
export const OpenApiClient =
  (OpenApi as unknown as { default: { default?: typeof OpenApi.default } & typeof OpenApi.default }).default
    .default ?? OpenApi.default;

export type OpenApiClient = InstanceType<typeof OpenApiClient>;

/** A request ID in the product's letter case (provider-facts.md §3). */
export function requestIdPattern(product: ProductDefinition): RegExp {
  const hex = product.requestIdCase === "upper" ? "[0-9A-F]" : "[0-9a-f]";
  return new RegExp(`^${hex}{8}-${hex}{4}-${hex}{4}-${hex}{4}-${hex}{12}$`);
}

/**
 * An RPC-style call signed ACS3-HMAC-SHA256 (the client's default), its parameters in the query. bodyType
 * is how the client reads a success: "json" (readAsJSON, the parsed object) or "string" (the text as is).
 */
export function acs3Params(action: string, version: string, bodyType: "json" | "string" = "json") {
  return new OpenApi.Params({
    action,
    version,
    protocol: "HTTP",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    bodyType,
    reqBodyType: "formData",
  });
}

/** One call of a client: the action and its parameters in, the parsed answer out. */
export type AlibabaRequest = (
  action: string,
  params: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/**
 * The call's parameters in the product's call region, with what it uses from a fresh call before it (made
 * with `request`: ESS DeleteScalingGroup deletes the group a CreateScalingGroup just made).
 */
export async function paramsOf(
  product: ProductDefinition,
  call: ActionCall,
  request: AlibabaRequest,
): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {
    ...(product.callRegion === null ? {} : { RegionId: product.callRegion }),
    ...call.params,
  };
  if (!call.uses) return params;
  const used = product.calls.find((c) => c.action === call.uses?.action);
  if (!used)
    throw new Error(`${product.dialect}/${product.id} ${call.action} uses no call ${call.uses.action}`);
  const answer = await request(used.action, await paramsOf(product, used, request));
  const value = resolvePointer(answer, call.uses.pointer);
  expect(value, `${used.action} answers ${call.uses.pointer}`).to.be.a("string").and.not.empty;
  return { ...params, [call.uses.param]: value };
}

/** The product's own call of the action where it has one (its parameters, and what it uses), else none. */
export function callOf(product: ProductDefinition, action: string): ActionCall {
  return product.calls.find((c) => c.action === action) ?? { action, params: {} };
}

/** The parameters as openapi-client's query wants them: strings. */
export function queryOf(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}
