import { ACTION_CALLS, actionCall } from "../live/action-calls.js";
import type { CallSpec } from "../live/call-spec.js";
import { probeCalls } from "../live/probe-catalogue.js";
import type { ContractProduct } from "./contract-products.js";
import { CONTRACT_PRODUCTS } from "./contract-products.js";
import { stateOf } from "./provider-states.js";
import { recordedSuccessBody } from "./recorded-examples.js";
import { type ContractRequest, contractRequest } from "./request-templates.js";
import { type ContractResponse, errorResponse, successResponse } from "./response-bodies.js";
import { xmlSuccessResponse } from "./xml-bodies.js";

/** One interaction of a pact, with the call it was derived from (the consumer tests drive that call). */
export interface ContractInteraction {
  provider: ContractProduct["provider"];
  description: string;
  state: string;
  call: CallSpec;
  /** "success", or the documented error code the call must draw. */
  expects: { kind: "success"; format: "json" | "xml" } | { kind: "error"; code: string };
  request: ContractRequest;
  response: ContractResponse;
}

function providerOf(call: CallSpec): ContractProduct["provider"] {
  const product = CONTRACT_PRODUCTS.find((p) => p.dialect === call.dialect && p.product === call.product);
  if (!product) throw new Error(`no contract product for ${call.dialect}/${call.product}`);
  return product.provider;
}

/**
 * The example value of a parameter taken from an earlier call's answer (ESS DeleteScalingGroup's
 * ScalingGroupId): the value at the pointer in that call's recorded answer. The provider state makes the
 * earlier call, so the verifier replaces it with a value the target knows.
 */
function usedValue(call: CallSpec, uses: NonNullable<CallSpec["uses"]>): string {
  const earlier = actionCall(uses.call);
  const answer = recordedSuccessBody(earlier.dialect, earlier.product, earlier.action);
  const value = uses.pointer
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], answer);
  if (typeof value !== "string")
    throw new Error(`${call.id}: no recorded ${earlier.action} answer has a string at ${uses.pointer}`);
  return value;
}

function successInteraction(call: CallSpec): ContractInteraction {
  const resolved = call.uses
    ? { ...call, params: { ...call.params, [call.uses.param]: usedValue(call, call.uses) } }
    : call;
  const { uses: _uses, ...plain } = resolved;
  const format = call.format;
  return {
    provider: providerOf(call),
    description: `${call.action} (${format.toUpperCase()}) succeeds`,
    state: stateOf(plain),
    call: plain,
    expects: { kind: "success", format },
    request: contractRequest(plain),
    response: format === "xml" ? xmlSuccessResponse(plain) : successResponse(plain),
  };
}

function probeInteraction(call: CallSpec): ContractInteraction | undefined {
  const expected = call.probe?.expected;
  if (!expected || expected.code === null) return undefined;
  const { repeatUntilThrottled: _repeat, ...plain } = call;
  const status = expected.status === "4xx" ? "4xx" : (expected.status as number);
  return {
    provider: providerOf(call),
    description: `${call.probe?.name} probe (${call.action}) draws ${expected.code}`,
    state: stateOf(call),
    call: plain,
    expects: { kind: "error", code: expected.code },
    request: contractRequest(plain),
    response: errorResponse(plain, expected.code, status),
  };
}

/**
 * Every interaction of the contracts: each action call of the products (JSON, and XML where the product
 * calls it in XML too: KMS DescribeRegions and Encrypt, ESS DescribeScalingGroups), and each probe whose
 * documented code is not null (docs/probes.md; Zenlayer's probes without a published code are left out).
 * Sorted by provider, then description.
 */
export function contractInteractions(): ContractInteraction[] {
  const successes = ACTION_CALLS.map(successInteraction);
  const errors = probeCalls().flatMap((call) => probeInteraction(call) ?? []);
  return [...successes, ...errors].sort(
    (a, b) => a.provider.localeCompare(b.provider) || a.description.localeCompare(b.description),
  );
}

export const interactionsOf = (provider: ContractProduct["provider"]) =>
  contractInteractions().filter((i) => i.provider === provider);
