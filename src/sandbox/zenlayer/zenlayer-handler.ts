import { parseAuthorization } from "../authorization-header.js";
import { jsonObjectBody } from "../parameter-checks.js";
import { asRefusal, Refusal } from "../refusal.js";
import type { Reply } from "../reply.js";
import { newRequestId } from "../request-ids.js";
import { admitted, retryAfter, type SandboxContext } from "../sandbox-context.js";
import type { SandboxRequest } from "../sandbox-request.js";
import { parseUnixSeconds, withinSkew } from "../timestamps.js";
import { BMC_VERSION, BMC_ZONES, bmcAction } from "./bmc-actions.js";
import { verifyZc2 } from "./verify-zc2.js";
import { zenlayerFailure } from "./zenlayer-failures.js";

const SERVICE_PATH = /^\/api\/v2\/([^/]+)\/?$/;

/**
 * Zenlayer Cloud (bmc): checks in the documented order (method, access key, timestamp, signature,
 * throttling, version, action, parameters, zone), then answers the action.
 */
function serve(request: SandboxRequest, context: SandboxContext): Record<string, unknown> {
  const { headers } = request;
  if (request.method !== "POST") throw new Refusal("bad-method", { value: request.method });

  const auth = parseAuthorization(headers.authorization, "ZC2-HMAC-SHA256");
  if (!auth) {
    throw new Refusal("invalid-authorization", {
      reason: headers.authorization
        ? "expected ZC2-HMAC-SHA256 Credential=ID, SignedHeaders=…, Signature=…"
        : "no Authorization header",
    });
  }
  const keys = context.options.credentials.zenlayer;
  if (auth.credential !== keys.id) throw new Refusal("unknown-key");

  const rawTimestamp = headers["x-zc-timestamp"];
  if (rawTimestamp === undefined) throw new Refusal("missing-parameter", { parameter: "X-ZC-Timestamp" });
  const timestamp = parseUnixSeconds(rawTimestamp);
  if (timestamp === undefined) {
    throw new Refusal("invalid-parameter", { parameter: "X-ZC-Timestamp", reason: "expected Unix seconds" });
  }
  const skew = context.options.clockSkewSeconds;
  if (!withinSkew(timestamp, context.nowMs(), skew)) {
    throw new Refusal("expired", {
      reason: `X-ZC-Timestamp ${timestamp} is more than ${skew} seconds away from the server time ${Math.floor(context.nowMs() / 1000)}`,
    });
  }

  const method = headers["x-zc-signature-method"];
  if (method !== undefined && method !== "ZC2-HMAC-SHA256") {
    throw new Refusal("bad-signature", {
      reason: `X-ZC-Signature-Method must be ZC2-HMAC-SHA256, got ${method}`,
    });
  }
  if (!verifyZc2(request, auth, keys.secret, timestamp)) throw new Refusal("bad-signature");

  if (!admitted(context, "zenlayer", keys.id)) throw new Refusal("throttled");

  const version = headers["x-zc-version"];
  if (!version) throw new Refusal("missing-parameter", { parameter: "X-ZC-Version" });
  if (version !== BMC_VERSION) throw new Refusal("unknown-version", { value: version });

  const actionName = headers["x-zc-action"];
  if (!actionName) throw new Refusal("missing-parameter", { parameter: "X-ZC-Action" });
  const service = SERVICE_PATH.exec(request.path)?.[1];
  if (service !== "bmc") {
    throw new Refusal("unknown-action", {
      value: actionName,
      reason: `the sandbox serves POST /api/v2/bmc, not ${request.path}`,
    });
  }
  const action = bmcAction(actionName);

  const checked = action.check(jsonObjectBody(request.bodyText), context);
  if (checked.zoneId !== undefined && !(BMC_ZONES as readonly string[]).includes(checked.zoneId)) {
    throw new Refusal("unknown-region", { value: checked.zoneId });
  }
  return checked.run();
}

export function handleZenlayer(request: SandboxRequest, context: SandboxContext): Reply {
  const base = {
    dialect: "zenlayer" as const,
    product: "bmc",
    action: request.headers["x-zc-action"] ?? "",
    format: "json" as const,
    requestId: newRequestId("zenlayer", "bmc"),
  };
  try {
    return { ...base, ok: true, data: serve(request, context) };
  } catch (error) {
    const failure = zenlayerFailure(asRefusal(error));
    return {
      ...base,
      ok: false,
      failure,
      ...(failure.status === 429 ? { headers: retryAfter(context, "zenlayer") } : {}),
    };
  }
}
