import type { TencentProductSandbox } from "../sandbox/tencent-product-sandbox.js";
import { CVM_ACTIONS } from "./sandbox-actions.js";

/** CVM in the sandbox: DescribeInstancesStatus over fixed instances; it answers unknown Tencent services. */
export const sandbox: TencentProductSandbox = {
  actions: CVM_ACTIONS,
  answersUnknownProducts: true,
};
