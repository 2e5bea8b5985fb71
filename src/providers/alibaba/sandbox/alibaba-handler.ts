import { productByService, productByVersion, productsOf } from "../../registry.js";
import { parseAuthorization } from "../../sandbox-kit/authorization-header.js";
import { actionContext, type ServedProduct, servedProduct } from "../../sandbox-kit/product-sandbox.js";
import { asRefusal, Refusal } from "../../sandbox-kit/refusal.js";
import type { Reply } from "../../sandbox-kit/reply.js";
import { newRequestId } from "../../sandbox-kit/request-ids.js";
import { hostLabel, type SandboxRequest } from "../../sandbox-kit/sandbox-request.js";
import type { SandboxServices } from "../../sandbox-kit/sandbox-services.js";
import { parseIsoUtcSeconds, withinSkew } from "../../sandbox-kit/timestamps.js";
import { type ActionParams, COMMON_RPC_PARAMETERS, OWNER_PARAMETERS } from "./alibaba-action.js";
import { alibabaFailure } from "./alibaba-messages.js";
import type { AlibabaProductSandbox } from "./alibaba-product-sandbox.js";
import type { AlibabaRecognition } from "./recognize-alibaba.js";
import { verifyAcs3 } from "./verify-acs3.js";
import { verifyRpc } from "./verify-rpc.js";

export type AlibabaSandboxes = Readonly<Record<string, AlibabaProductSandbox>>;

/** What identifies the call, whichever way it is signed. */
interface AlibabaCall {
  action: string | undefined;
  version: string | undefined;
  served: ServedProduct<AlibabaProductSandbox>;
}

/**
 * The call's action, version and product: the product the Host header's first label names (as on
 * kms.cn-hangzhou.aliyuncs.com), else the one whose version it is, else the one that answers unknown
 * products (a bare address with an unknown version).
 */
function describeCall(
  request: SandboxRequest,
  recognition: AlibabaRecognition,
  sandboxes: AlibabaSandboxes,
): AlibabaCall {
  const { params } = recognition;
  const rpc = recognition.signing === "rpc";
  const action = rpc ? params.get("Action") : request.headers["x-acs-action"];
  const version = rpc ? params.get("Version") : request.headers["x-acs-version"];
  const served = servedProduct(productsOf("alibaba"), sandboxes, [
    productByService("alibaba", hostLabel(request)),
    version === undefined ? undefined : productByVersion("alibaba", version),
  ]);
  return { action, version, served };
}

/** Access key, timestamp and signature of an RPC (HMAC-SHA1) call, in that order. */
function authenticateRpc(
  request: SandboxRequest,
  params: ReadonlyMap<string, string>,
  services: SandboxServices,
): string {
  const keys = services.credentials.alibaba;
  const accessKeyId = params.get("AccessKeyId");
  if (!accessKeyId) throw new Refusal("missing-parameter", { parameter: "AccessKeyId" });
  if (accessKeyId !== keys.id) throw new Refusal("unknown-key");
  checkTimestamp(params.get("Timestamp"), "Timestamp", services);
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
function authenticateAcs3(request: SandboxRequest, services: SandboxServices): string {
  const keys = services.credentials.alibaba;
  const auth = parseAuthorization(request.headers.authorization, "ACS3-HMAC-SHA256");
  if (!auth) {
    throw new Refusal("invalid-authorization", {
      reason: "expected ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=…,Signature=…",
    });
  }
  if (auth.credential !== keys.id) throw new Refusal("unknown-key");
  checkTimestamp(request.headers["x-acs-date"], "x-acs-date", services);
  const verdict = verifyAcs3(request, auth, keys.secret);
  if (!verdict.ok) throw new Refusal("bad-signature", verdict.reason ? { reason: verdict.reason } : {});
  return auth.credential;
}

function checkTimestamp(text: string | undefined, name: string, services: SandboxServices): void {
  if (text === undefined) throw new Refusal("expired", { reason: `${name} is missing` });
  const seconds = parseIsoUtcSeconds(text);
  if (seconds === undefined) {
    throw new Refusal("expired", { reason: `${name} ${JSON.stringify(text)} is not yyyy-MM-ddTHH:mm:ssZ` });
  }
  const skew = services.clockSkewSeconds;
  if (!withinSkew(seconds, services.nowMs(), skew)) {
    throw new Refusal("expired", {
      reason: `${name} ${text} is more than ${skew} seconds away from the server time ${new Date(services.nowMs()).toISOString().slice(0, 19)}Z`,
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
 * Alibaba Cloud RPC: checks in the documented order (method, access key, timestamp, signature,
 * throttling, version, action, parameters, region), then answers the action.
 */
function serve(
  request: SandboxRequest,
  recognition: AlibabaRecognition,
  call: AlibabaCall,
  services: SandboxServices,
): Record<string, unknown> {
  if (request.method !== "GET" && request.method !== "POST") {
    throw new Refusal("bad-method", { value: request.method });
  }
  const accessKeyId =
    recognition.signing === "rpc"
      ? authenticateRpc(request, recognition.params, services)
      : authenticateAcs3(request, services);

  if (!services.admit("alibaba", accessKeyId)) throw new Refusal("throttled");

  const product = call.served.definition;
  if (!call.version)
    throw new Refusal("missing-parameter", {
      parameter: recognition.signing === "rpc" ? "Version" : "x-acs-version",
    });
  if (call.version !== product.version) throw new Refusal("unknown-version", { value: call.version });

  if (!call.action)
    throw new Refusal("missing-parameter", {
      parameter: recognition.signing === "rpc" ? "Action" : "x-acs-action",
    });
  const { actions } = call.served.sandbox;
  const action = Object.hasOwn(actions, call.action) ? actions[call.action] : undefined;
  if (!action) {
    // No hand-written action: the answer synthesized from the product's actions document, if it has one.
    // The owner parameters too: the descriptions type them (OwnerId is an integer).
    const owners = [...recognition.params].filter(([name]) => OWNER_PARAMETERS.has(name));
    const answer = services.describedAnswer(
      product,
      call.action,
      call.version,
      Object.fromEntries([...actionParams(recognition), ...owners]),
      { fromText: true },
    );
    if (!answer) throw new Refusal("unknown-action", { value: call.action });
    const regionId = recognition.params.get("RegionId");
    if (regionId !== undefined && !product.regions.includes(regionId)) {
      throw new Refusal("unknown-region", {
        value: regionId,
        reason: `RegionId ${JSON.stringify(regionId)}; served: ${product.regions.join(", ")}`,
      });
    }
    return answer;
  }

  const checked = action.check(actionParams(recognition), actionContext(call.served, services));
  if (checked.regionId !== undefined && !product.regions.includes(checked.regionId)) {
    throw new Refusal("unknown-region", {
      value: checked.regionId,
      reason: `RegionId ${JSON.stringify(checked.regionId)}; served: ${product.regions.join(", ")}`,
    });
  }
  return checked.run();
}

export function handleAlibaba(
  request: SandboxRequest,
  recognition: AlibabaRecognition,
  services: SandboxServices,
  sandboxes: AlibabaSandboxes,
): Reply {
  const call = describeCall(request, recognition, sandboxes);
  const product = call.served.definition;
  const regionId = recognition.params.get("RegionId");
  const base = {
    dialect: "alibaba" as const,
    product,
    action: call.action ?? "",
    format:
      (recognition.params.get("Format") ?? "").toLowerCase() === "xml" ? ("xml" as const) : ("json" as const),
    requestId: newRequestId(product),
    hostId: product.endpoint?.(
      regionId !== undefined && product.regions.includes(regionId) ? regionId : undefined,
    ),
  };
  try {
    return { ...base, ok: true, data: serve(request, recognition, call, services) };
  } catch (error) {
    const failure = alibabaFailure(product, call.served.sandbox, asRefusal(error));
    // Where throttling is a 429, say when to come back; a 400 (ESS) has no use for Retry-After.
    return {
      ...base,
      ok: false,
      failure,
      ...(failure.status === 429 ? { headers: services.retryAfter("alibaba") } : {}),
    };
  }
}
