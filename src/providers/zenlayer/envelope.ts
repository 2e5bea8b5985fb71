import { isPlainObject } from "../../model/json-pointer.js";
import type { DialectSpec } from "../dialect.js";

/**
 * Zenlayer Cloud (seed 000): `response` on success, `code` and `message` on error. A body with neither is
 * told by the status, as zenlayercloud-sdk-go does (any status but 200 is an error).
 */
export const zenlayer: DialectSpec = {
  id: "zenlayer",
  classify(body, status) {
    if (!isPlainObject(body)) return "unknown";
    if (Object.hasOwn(body, "response")) return "success";
    if (Object.hasOwn(body, "code")) return "error";
    return status === 200 ? "success" : "error";
  },
  requestIdPointers: (outcome) =>
    outcome === "success" ? ["/requestId", "/response/requestId"] : ["/requestId"],
  requestIdShape: {
    pattern: /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    description: '"T" followed by an upper-case UUID',
  },
  errorCodePointer: "/code",
  errorMessagePointer: "/message",
  payloadPointer: "/response",
};
