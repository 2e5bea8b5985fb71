import { isPlainObject } from "../../model/json-pointer.js";
import type { DialectSpec } from "../dialect.js";

/**
 * Tencent Cloud API 3.0 (seeds 001, 003). Only `Response.Error` signals failure: success bodies may carry
 * other Code/Message fields, e.g. "Success": {"Code": "Success"} (provider-facts.md §1).
 */
export const tencent: DialectSpec = {
  id: "tencent",
  classify(body) {
    if (!isPlainObject(body) || !isPlainObject(body.Response)) return "unknown";
    return Object.hasOwn(body.Response, "Error") ? "error" : "success";
  },
  requestIdPointers: () => ["/Response/RequestId"],
  requestIdHeader: "x-tc-requestid",
  requestIdShape: {
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    description: "a UUID (8-4-4-4-12 hex digits)",
  },
  errorCodePointer: "/Response/Error/Code",
  errorMessagePointer: "/Response/Error/Message",
  payloadPointer: "/Response",
};
