import { parseAuthorization } from "../authorization-header.js";
import { jsonObjectBody } from "../parameter-checks.js";
import { asRefusal, Refusal } from "../refusal.js";
import type { Reply } from "../reply.js";
import { newRequestId } from "../request-ids.js";
import { admitted, type SandboxContext } from "../sandbox-context.js";
import type { SandboxRequest } from "../sandbox-request.js";
import { parseUnixSeconds, withinSkew } from "../timestamps.js";
import { CVM_REGIONS, CVM_VERSION, cvmAction } from "./cvm-actions.js";
import { unflattenQuery } from "./query-params.js";
import { tencentFailure } from "./tencent-failures.js";
import { parseTc3Credential, verifyTc3 } from "./verify-tc3.js";

/**
 * Tencent Cloud API 3.0 (CVM): checks in the documented order (method, credentials, timestamp, signature,
 * throttling, version, action, parameters, region, DryRun), then answers the action.
 */
function serve(request: SandboxRequest, context: SandboxContext): Record<string, unknown> {
  const { headers } = request;
  if (request.method !== "GET" && request.method !== "POST") {
    throw new Refusal("bad-method", { value: request.method });
  }

  const auth = parseAuthorization(headers.authorization, "TC3-HMAC-SHA256");
  const credential = auth && parseTc3Credential(auth.credential);
  if (!auth || !credential) {
    throw new Refusal("invalid-authorization", {
      reason: headers.authorization
        ? "expected TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=…, Signature=…"
        : "no Authorization header",
    });
  }
  const keys = context.options.credentials.tencent;
  if (credential.secretId !== keys.id) throw new Refusal("unknown-key");

  const rawTimestamp = headers["x-tc-timestamp"];
  if (rawTimestamp === undefined) throw new Refusal("missing-parameter", { parameter: "X-TC-Timestamp" });
  const timestamp = parseUnixSeconds(rawTimestamp);
  if (timestamp === undefined) {
    throw new Refusal("invalid-parameter", { parameter: "X-TC-Timestamp", reason: "expected Unix seconds" });
  }
  const skew = context.options.clockSkewSeconds;
  if (!withinSkew(timestamp, context.nowMs(), skew)) {
    throw new Refusal("expired", {
      reason: `X-TC-Timestamp ${timestamp} is more than ${skew} seconds away from the server time ${Math.floor(context.nowMs() / 1000)}`,
    });
  }

  if (!verifyTc3(request, auth, credential, keys.secret, timestamp)) throw new Refusal("bad-signature");

  if (!admitted(context, "tencent", keys.id)) throw new Refusal("throttled");

  const version = headers["x-tc-version"];
  if (!version) throw new Refusal("missing-parameter", { parameter: "X-TC-Version" });
  if (version !== CVM_VERSION) throw new Refusal("unknown-version", { value: version });

  const actionName = headers["x-tc-action"];
  if (!actionName) throw new Refusal("missing-parameter", { parameter: "X-TC-Action" });
  const action = cvmAction(actionName);

  const params = request.method === "GET" ? unflattenQuery(request.query) : jsonObjectBody(request.bodyText);
  const checked = action.check(params, { fromText: request.method === "GET" });
  const region = headers["x-tc-region"];
  if (!region) throw new Refusal("missing-parameter", { parameter: "X-TC-Region" });

  if (!(CVM_REGIONS as readonly string[]).includes(region)) {
    throw new Refusal("unknown-region", {
      value: region,
      reason: `cvm is served in ${CVM_REGIONS.join(", ")}`,
    });
  }
  if (checked.DryRun === true) throw new Refusal("dry-run");
  return action.run(checked, region);
}

export function handleTencent(request: SandboxRequest, context: SandboxContext): Reply {
  const traceId = request.headers["x-tc-traceid"];
  const base = {
    dialect: "tencent" as const,
    product: "cvm",
    action: request.headers["x-tc-action"] ?? "",
    format: "json" as const,
    requestId: newRequestId("tencent", "cvm"),
    ...(traceId ? { headers: { "X-TC-TraceId": traceId } } : {}),
  };
  try {
    return { ...base, ok: true, data: serve(request, context) };
  } catch (error) {
    const refusal = asRefusal(error);
    return { ...base, ok: false, failure: tencentFailure(refusal) };
  }
}
