import type { CallSpec } from "../live/call-spec.js";
import { SANDBOX_CREDENTIALS } from "../providers/credentials.js";
import { UNKNOWN_KEY_IDS } from "../providers/probe-faults.js";
import { productOf } from "./contract-products.js";
import { MatchersV3 } from "./load-pact.js";

const { like, regex } = MatchersV3;

/** A request of the contract: fixed parts exact, the parts each signed call changes as matchers. */
export interface ContractRequest {
  method: string;
  path: string;
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  /** JSON body (Tencent, Zenlayer), undefined for Alibaba's query-only GET. */
  body: unknown;
}

/** Fixed examples for the dynamic parts: contracts carry no clock times or random ids. */
const EXAMPLE_UNIX_TIME = "1763625600";
const EXAMPLE_ISO_TIME = "2025-11-20T08:00:00Z";
const ZERO_SIGNATURE = "0".repeat(64);

const TC3_AUTHORIZATION =
  "^TC3-HMAC-SHA256 Credential=[^/\\s]+/\\d{4}-\\d{2}-\\d{2}/[^/\\s]+/tc3_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$";
const ZC2_AUTHORIZATION =
  "^ZC2-HMAC-SHA256 Credential=[^,\\s]+, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$";

const keyIdOf = (call: CallSpec) =>
  call.signing?.keyId === undefined ? SANDBOX_CREDENTIALS[call.dialect].id : UNKNOWN_KEY_IDS[call.dialect];

/**
 * What the official clients send for a call. Tencent (tencentcloud-sdk-nodejs CommonClient): a JSON POST
 * to / with X-TC-Action, -Version, -Region, -Timestamp and a TC3 Authorization whose credential scope
 * names the product's service. Alibaba (@alicloud/pop-core RPCClient): GET / with every signed parameter
 * in the query: Action, Format, Timestamp, Version, SignatureMethod, SignatureVersion, SignatureNonce,
 * AccessKeyId, the action's own (RegionId among them) and Signature. Zenlayer: a JSON POST to
 * /api/v2/SERVICE with X-ZC-* headers and a ZC2 Authorization.
 */
export function contractRequest(call: CallSpec): ContractRequest {
  const method = call.method ?? (call.dialect === "alibaba" ? "GET" : "POST");
  switch (call.dialect) {
    case "tencent": {
      const headers: Record<string, unknown> = {
        "Content-Type": regex("^application/json.*$", "application/json"),
        "X-TC-Action": call.action,
        "X-TC-Version": call.version,
        "X-TC-Timestamp": regex("^\\d+$", EXAMPLE_UNIX_TIME),
        Authorization: regex(
          TC3_AUTHORIZATION,
          `TC3-HMAC-SHA256 Credential=${keyIdOf(call)}/2025-11-20/${productOf(call).service}/tc3_request, SignedHeaders=content-type;host, Signature=${ZERO_SIGNATURE}`,
        ),
      };
      if (call.region !== null) headers["X-TC-Region"] = call.region;
      return { method, path: "/", headers, query: {}, body: call.params };
    }
    case "alibaba": {
      const query: Record<string, unknown> = {
        AccessKeyId: like(keyIdOf(call)),
        Action: call.action,
        Format: call.format.toUpperCase(),
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: like("0123456789abcdef0123456789abcdef"),
        SignatureVersion: "1.0",
        Timestamp: regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", EXAMPLE_ISO_TIME),
        Version: call.version,
        Signature: like("c2lnbmF0dXJlLWV4YW1wbGUtMDAwMDA="),
      };
      if (call.region !== null) query.RegionId = call.region;
      for (const [name, value] of Object.entries(call.params)) query[name] = String(value);
      return { method, path: "/", headers: {}, query, body: undefined };
    }
    case "zenlayer":
      return {
        method,
        path: `/api/v2/${productOf(call).service}`,
        headers: {
          "Content-Type": regex("^application/json.*$", "application/json"),
          "X-ZC-Action": call.action,
          "X-ZC-Version": call.version,
          "X-ZC-Timestamp": regex("^\\d+$", EXAMPLE_UNIX_TIME),
          "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
          Authorization: regex(
            ZC2_AUTHORIZATION,
            `ZC2-HMAC-SHA256 Credential=${keyIdOf(call)}, SignedHeaders=content-type;host, Signature=${ZERO_SIGNATURE}`,
          ),
        },
        query: {},
        body: call.params,
      };
  }
}
