import type { ActionContext, ProductSandbox } from "../../sandbox-kit/product-sandbox.js";

/** A call whose parameters passed: its zone (checked next) and the work to do. */
export interface CheckedZenlayerCall {
  zoneId: string | undefined;
  run(): Record<string, unknown>;
}

export interface ZenlayerAction<State = unknown> {
  /** Refuses unknown, missing and ill-typed members of the JSON body (Refusal); the zone is checked after. */
  check(params: Record<string, unknown>, context: ActionContext<State>): CheckedZenlayerCall;
}

/** A Zenlayer Cloud service as the sandbox serves it at POST /api/v2/SERVICE (src/providers/zenlayer/PRODUCT/sandbox.ts). */
export type ZenlayerProductSandbox<State = unknown> = ProductSandbox<ZenlayerAction<State>, State>;
