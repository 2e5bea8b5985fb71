import type { FailureKind } from "../../failure-kind.js";
import type { ProductSandbox } from "../../sandbox-kit/product-sandbox.js";
import type { RefusalDetail } from "../../sandbox-kit/refusal.js";
import type { AlibabaAction } from "./alibaba-action.js";

/** The message of each kind of refusal, with the parameter named. */
export type AlibabaMessages = Record<FailureKind, (detail: RefusalDetail) => string>;

/** An Alibaba Cloud RPC product as the sandbox serves it (src/providers/alibaba/PRODUCT/sandbox.ts). */
export interface AlibabaProductSandbox<State = unknown> extends ProductSandbox<AlibabaAction<State>, State> {
  /** Messages in the product's own words where they differ from Alibaba's common ones (alibaba-messages.ts). */
  messages?: Partial<AlibabaMessages>;
}
