import type { AlibabaProductSandbox } from "../sandbox/alibaba-product-sandbox.js";
import { ESS_ACTIONS } from "./sandbox-actions.js";
import { ScalingGroupStore } from "./scaling-group-store.js";

/**
 * Auto Scaling in the sandbox: scaling groups listed, created and deleted in each sandbox's own store, in
 * Alibaba's common words (alibaba-messages.ts). It answers a bare address with an unknown version: its
 * NoSuchVersion is documented with a status.
 */
export const sandbox: AlibabaProductSandbox<ScalingGroupStore> = {
  actions: ESS_ACTIONS,
  createState: () => new ScalingGroupStore(),
  answersUnknownProducts: true,
};
