import type { DialectSandbox } from "../../sandbox-kit/dialect-sandbox.js";
import { newRequestId } from "../../sandbox-kit/request-ids.js";
import { speaksZenlayer } from "./recognize-zenlayer.js";
import { renderZenlayer } from "./render-zenlayer.js";
import { handleZenlayer, ZENLAYER_REQUEST_ID_PREFIX, type ZenlayerSandboxes } from "./zenlayer-handler.js";
import { zenlayerFailure } from "./zenlayer-messages.js";

/** Zenlayer Cloud, serving `sandboxes` (product id → its sandbox.ts). */
export function zenlayerDialectSandbox(sandboxes: ZenlayerSandboxes): DialectSandbox {
  return {
    dialect: "zenlayer",
    handle: (request, services) =>
      speaksZenlayer(request) ? handleZenlayer(request, services, sandboxes) : undefined,
    render: renderZenlayer,
    failure: zenlayerFailure,
    newRequestId: (product) => newRequestId(product, ZENLAYER_REQUEST_ID_PREFIX),
  };
}
