import type { DialectSandbox } from "../../sandbox-kit/dialect-sandbox.js";
import { newRequestId } from "../../sandbox-kit/request-ids.js";
import { type AlibabaSandboxes, handleAlibaba } from "./alibaba-handler.js";
import { alibabaFailure } from "./alibaba-messages.js";
import { recognizeAlibaba } from "./recognize-alibaba.js";
import { renderAlibaba } from "./render-alibaba.js";

/** Alibaba Cloud RPC (JSON and XML; HMAC-SHA1 and ACS3 signing), serving `sandboxes` (product id → its sandbox.ts). */
export function alibabaDialectSandbox(sandboxes: AlibabaSandboxes): DialectSandbox {
  return {
    dialect: "alibaba",
    handle(request, services) {
      const recognition = recognizeAlibaba(request);
      return recognition && handleAlibaba(request, recognition, services, sandboxes);
    },
    render: renderAlibaba,
    failure: (product, refusal) =>
      alibabaFailure(
        product,
        Object.hasOwn(sandboxes, product.id) ? sandboxes[product.id] : undefined,
        refusal,
      ),
    newRequestId: (product) => newRequestId(product),
  };
}
