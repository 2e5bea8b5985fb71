import type { ZenlayerProductSandbox } from "../sandbox/zenlayer-product-sandbox.js";
import { BMC_ACTIONS } from "./sandbox-actions.js";

/** Bare Metal in the sandbox, at POST /api/v2/bmc; it answers paths that name no service it serves. */
export const sandbox: ZenlayerProductSandbox = {
  actions: BMC_ACTIONS,
  answersUnknownProducts: true,
};
