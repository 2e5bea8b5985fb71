import type { AlibabaProductSandbox } from "../sandbox/alibaba-product-sandbox.js";
import { ECS_ACTIONS } from "./sandbox-actions.js";

/** ECS in the sandbox: its regions, and two instances in each but cn-beijing, in Alibaba's common words. */
export const sandbox: AlibabaProductSandbox = {
  actions: ECS_ACTIONS,
};
