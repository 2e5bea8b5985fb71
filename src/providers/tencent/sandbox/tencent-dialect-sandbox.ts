import type { DialectSandbox } from "../../sandbox-kit/dialect-sandbox.js";
import { newRequestId } from "../../sandbox-kit/request-ids.js";
import { speaksTencent } from "./recognize-tencent.js";
import { renderTencent } from "./render-tencent.js";
import { handleTencent, type TencentSandboxes } from "./tencent-handler.js";
import { tencentFailure } from "./tencent-messages.js";

/** Tencent Cloud API 3.0, serving `sandboxes` (product id → its sandbox.ts). */
export function tencentDialectSandbox(sandboxes: TencentSandboxes): DialectSandbox {
  return {
    dialect: "tencent",
    handle: (request, services) =>
      speaksTencent(request) ? handleTencent(request, services, sandboxes) : undefined,
    render: renderTencent,
    failure: tencentFailure,
    newRequestId: (product) => newRequestId(product),
  };
}
