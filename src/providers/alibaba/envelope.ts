import { isPlainObject } from "../../model/json-pointer.js";
import type { DialectSpec } from "../dialect.js";

/** Codes that @alicloud/pop-core does not treat as failure (provider-facts.md §1). */
const NON_ERROR_CODES = new Set<unknown>([200, "200", "OK", "Success"]);

/**
 * Alibaba Cloud RPC APIs, KMS (seed 002) and ESS (seed 004). A body is an error when its XML root is `Error`
 * or it carries a `Code` that pop-core reads as failure; a body with neither is told by the HTTP status,
 * as alibaba-cloud-sdk-go and @alicloud/openapi-client do.
 */
export const alibaba: DialectSpec = {
  id: "alibaba",
  classify(body, status, xmlRoot) {
    if (xmlRoot === "Error") return "error";
    if (!isPlainObject(body)) return "unknown";
    if (Object.hasOwn(body, "Code") && !NON_ERROR_CODES.has(body.Code)) return "error";
    if (Object.hasOwn(body, "Code") || status < 400) return "success";
    return "error";
  },
  requestIdPointers: () => ["/RequestId"],
  requestIdHeader: "x-acs-request-id",
  requestIdShape: {
    // Documentation masks the tail of example IDs with "x" (seed 004: 540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx).
    pattern: /^[0-9a-fA-Fx]{8}-[0-9a-fA-Fx]{4}-[0-9a-fA-Fx]{4}-[0-9a-fA-Fx]{4}-[0-9a-fA-Fx]{12}$/,
    description: "a UUID (8-4-4-4-12 hex digits)",
  },
  errorCodePointer: "/Code",
  errorMessagePointer: "/Message",
  payloadPointer: "",
};
