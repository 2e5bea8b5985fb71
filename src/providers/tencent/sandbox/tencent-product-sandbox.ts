import type { ValueOptions } from "../../sandbox-kit/parameter-checks.js";
import type { ActionContext, ProductSandbox } from "../../sandbox-kit/product-sandbox.js";

export interface TencentAction<State = unknown> {
  /** Checks the action's parameters (unknown, missing, wrong type); returns them checked. */
  check(params: Record<string, unknown>, options: ValueOptions): Record<string, unknown>;
  run(
    checked: Record<string, unknown>,
    region: string,
    context: ActionContext<State>,
  ): Record<string, unknown>;
}

/** A Tencent Cloud API 3.0 product as the sandbox serves it (src/providers/tencent/PRODUCT/sandbox.ts). */
export type TencentProductSandbox<State = unknown> = ProductSandbox<TencentAction<State>, State>;
