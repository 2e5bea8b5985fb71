import { parseAuthorization } from "../authorization-header.js";
import type { Recognition } from "../recognize-dialect.js";
import { asRefusal, Refusal } from "../refusal.js";
import type { Reply } from "../reply.js";
import { newRequestId } from "../request-ids.js";
import { admitted, retryAfter, type SandboxContext } from "../sandbox-context.js";
import type { SandboxRequest } from "../sandbox-request.js";
import { parseIsoUtcSeconds, withinSkew } from "../timestamps.js";
import { type ActionParams, type AlibabaAction, COMMON_RPC_PARAMETERS } from "./alibaba-action.js";
import { alibabaFailure } from "./alibaba-failures.js";
import {
  ALIBABA_REGIONS,
  ALIBABA_VERSIONS,
  type AlibabaProduct,
  alibabaHostId,
  alibabaProduct,
  isAlibabaRegion,
} from "./alibaba-products.js";
import { ESS_ACTIONS } from "./ess-actions.js";
import { KMS_ACTIONS } from "./kms-actions.js";
import { verifyAcs3 } from "./verify-acs3.js";
import { verifyRpc } from "./verify-rpc.js";

type AlibabaRecognition = Extract<Recognition, { dialect: "alibaba" }>;

const ACTIONS: Record<AlibabaProduct, Record<string, AlibabaAction>> = { kms: KMS_ACTIONS, ess: ESS_ACTIONS };

/** What identifies the call, whichever way it is signed. */
interface AlibabaCall {
  action: string | undefined;
  version: string | undefined;
  product: AlibabaProduct;
}

function describeCall(request: SandboxRequest, recognition: AlibabaRecognition): AlibabaCall {
  const { params } = recognition;
  const rpc = recognition.signing === "rpc";
  const action = rpc ? params.get("Action") : request.headers["x-acs-action"];
  const version = rpc ? params.get("Version") : request.headers["x-acs-version"];
  return { action, version, product: alibabaProduct(request.host, version) };
}

/** Access key, timestamp and signature of an RPC (HMAC-SHA1) call, in that order. */
function authenticateRpc(
  request: SandboxRequest,
  params: ReadonlyMap<string, string>,
  context: SandboxContext,
): string {
  const keys = context.options.credentials.alibaba;
  const accessKeyId = params.get("AccessKeyId");
  if (!accessKeyId) throw new Refusal("missing-parameter", { parameter: "AccessKeyId" });
  if (accessKeyId !== keys.id) throw new Refusal("unknown-key");
  checkTimestamp(params.get("Timestamp"), "Timestamp", context);
  const method = params.get("SignatureMethod");
  if (method !== "HMAC-SHA1") {
    throw new Refusal("bad-signature", {
      reason: `SignatureMethod must be HMAC-SHA1, got ${JSON.stringify(method ?? null)}`,
    });
  }
  const version = params.get("SignatureVersion");
  if (version !== undefined && version !== "1.0") {
    throw new Refusal("bad-signature", {
      reason: `SignatureVersion must be 1.0, got ${JSON.stringify(version)}`,
    });
  }
  const signature = params.get("Signature");
  if (!signature) throw new Refusal("bad-signature", { reason: "no Signature parameter" });
  if (!verifyRpc(request.method, params, keys.secret, signature)) throw new Refusal("bad-signature");
  return accessKeyId;
}

/** Access key, timestamp and signature of an ACS3-HMAC-SHA256 call, in that order. */
function authenticateAcs3(request: SandboxRequest, context: SandboxContext): string {
  const keys = context.options.credentials.alibaba;
  const auth = parseAuthorization(request.headers.authorization, "ACS3-HMAC-SHA256");
  if (!auth) {
    throw new Refusal("invalid-authorization", {
      reason: "expected ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=…,Signature=…",
    });
  }
  if (auth.credential !== keys.id) throw new Refusal("unknown-key");
  checkTimestamp(request.headers["x-acs-date"], "x-acs-date", context);
  const verdict = verifyAcs3(request, auth, keys.secret);
  if (!verdict.ok) throw new Refusal("bad-signature", verdict.reason ? { reason: verdict.reason } : {});
  return auth.credential;
}

function checkTimestamp(text: string | undefined, name: string, context: SandboxContext): void {
  if (text === undefined) throw new Refusal("expired", { reason: `${name} is missing` });
  const seconds = parseIsoUtcSeconds(text);
  if (seconds === undefined) {
    throw new Refusal("expired", { reason: `${name} ${JSON.stringify(text)} is not yyyy-MM-ddTHH:mm:ssZ` });
  }
  const skew = context.options.clockSkewSeconds;
  if (!withinSkew(seconds, context.nowMs(), skew)) {
    throw new Refusal("expired", {
      reason: `${name} ${text} is more than ${skew} seconds away from the server time ${new Date(context.nowMs()).toISOString().slice(0, 19)}Z`,
    });
  }
}

/** The action's own parameters: all but the common ones (for ACS3 the query and form hold only those). */
function actionParams(recognition: AlibabaRecognition): ActionParams {
  const own = new Map<string, string>();
  for (const [name, value] of recognition.params) {
    if (recognition.signing === "rpc" ? !COMMON_RPC_PARAMETERS.has(name) : name !== "Format")
      own.set(name, value);
  }
  return own;
}

/**
 * Alibaba Cloud RPC (KMS, ESS): checks in the documented order (method, access key, timestamp, signature,
 * throttling, version, action, parameters, region), then answers the action.
 */
function serve(
  request: SandboxRequest,
  recognition: AlibabaRecognition,
  call: AlibabaCall,
  context: SandboxContext,
): Record<string, unknown> {
  if (request.method !== "GET" && request.method !== "POST") {
    throw new Refusal("bad-method", { value: request.method });
  }
  const accessKeyId =
    recognition.signing === "rpc"
      ? authenticateRpc(request, recognition.params, context)
      : authenticateAcs3(request, context);

  if (!admitted(context, "alibaba", accessKeyId)) throw new Refusal("throttled");

  if (!call.version)
    throw new Refusal("missing-parameter", {
      parameter: recognition.signing === "rpc" ? "Version" : "x-acs-version",
    });
  if (call.version !== ALIBABA_VERSIONS[call.product])
    throw new Refusal("unknown-version", { value: call.version });

  if (!call.action)
    throw new Refusal("missing-parameter", {
      parameter: recognition.signing === "rpc" ? "Action" : "x-acs-action",
    });
  const actions = ACTIONS[call.product];
  const action = Object.hasOwn(actions, call.action) ? actions[call.action] : undefined;
  if (!action) throw new Refusal("unknown-action", { value: call.action });

  const checked = action.check(actionParams(recognition), context);
  if (checked.regionId !== undefined && !isAlibabaRegion(checked.regionId)) {
    throw new Refusal("unknown-region", {
      value: checked.regionId,
      reason: `RegionId ${JSON.stringify(checked.regionId)}; served: ${ALIBABA_REGIONS.join(", ")}`,
    });
  }
  return checked.run();
}

export function handleAlibaba(
  request: SandboxRequest,
  recognition: AlibabaRecognition,
  context: SandboxContext,
): Reply {
  const call = describeCall(request, recognition);
  const base = {
    dialect: "alibaba" as const,
    product: call.product,
    action: call.action ?? "",
    format:
      (recognition.params.get("Format") ?? "").toLowerCase() === "xml" ? ("xml" as const) : ("json" as const),
    requestId: newRequestId("alibaba", call.product),
    hostId: alibabaHostId(call.product, recognition.params.get("RegionId")),
  };
  try {
    return { ...base, ok: true, data: serve(request, recognition, call, context) };
  } catch (error) {
    const refusal = asRefusal(error);
    const failure = alibabaFailure(call.product, refusal);
    // KMS throttles with 429: say when to come back. ESS throttles with 400, where Retry-After means nothing.
    return {
      ...base,
      ok: false,
      failure,
      ...(failure.status === 429 ? { headers: retryAfter(context, "alibaba") } : {}),
    };
  }
}
