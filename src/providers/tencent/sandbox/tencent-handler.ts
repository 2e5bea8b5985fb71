import type { ProductDefinition } from "../../product.js";
import { productByService, productsOf } from "../../registry.js";
import { parseAuthorization } from "../../sandbox-kit/authorization-header.js";
import { describedServiceProduct } from "../../sandbox-kit/described-service.js";
import { jsonObjectBody } from "../../sandbox-kit/parameter-checks.js";
import { actionContext, type ServedProduct, servedProduct } from "../../sandbox-kit/product-sandbox.js";
import { asRefusal, Refusal } from "../../sandbox-kit/refusal.js";
import type { Reply } from "../../sandbox-kit/reply.js";
import { newRequestId } from "../../sandbox-kit/request-ids.js";
import { hostLabel, type SandboxRequest } from "../../sandbox-kit/sandbox-request.js";
import type { SandboxServices } from "../../sandbox-kit/sandbox-services.js";
import { parseUnixSeconds, withinSkew } from "../../sandbox-kit/timestamps.js";
import { unflattenQuery } from "./query-params.js";
import { tencentFailure } from "./tencent-messages.js";
import type { TencentProductSandbox } from "./tencent-product-sandbox.js";
import { parseTc3Credential, verifyTc3 } from "./verify-tc3.js";

export type TencentSandboxes = Readonly<Record<string, TencentProductSandbox>>;

/**
 * The product a request calls: the one its host names (cvm.tencentcloudapi.com), else the service of its
 * credential scope (the SDKs sign the endpoint's first label, which is no service for a bare address),
 * else (with describedProducts) a service with an actions document but no folder, served from it alone,
 * else the one that answers unknown products.
 */
function productOf(
  request: SandboxRequest,
  sandboxes: TencentSandboxes,
  services: SandboxServices,
): ServedProduct<TencentProductSandbox> {
  const auth = parseAuthorization(request.headers.authorization, "TC3-HMAC-SHA256");
  const scope = auth && parseTc3Credential(auth.credential);
  const named = [hostLabel(request), scope?.service].filter((s): s is string => !!s);
  const known = named.map((service) => productByService("tencent", service));
  const served = servedProduct(productsOf("tencent"), sandboxes, known);
  const version = request.headers["x-tc-version"];
  if (version && known.every((p) => p === undefined)) {
    // With describedProducts: a service with an actions document but no folder, served from it alone.
    const described = named.find((service) => services.describesProduct("tencent", service, version));
    if (described) {
      const definition = describedServiceProduct(served.definition, described, version);
      return { definition, sandbox: { actions: {} } };
    }
  }
  return served;
}

/**
 * Tencent Cloud API 3.0: checks in the documented order (method, credentials, timestamp, signature,
 * throttling, version, action, parameters, region, DryRun), then answers the action.
 */
function serve(
  request: SandboxRequest,
  served: ServedProduct<TencentProductSandbox>,
  services: SandboxServices,
): Record<string, unknown> {
  const { headers } = request;
  const product = served.definition;
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
  const keys = services.credentials.tencent;
  if (credential.secretId !== keys.id) throw new Refusal("unknown-key");

  const rawTimestamp = headers["x-tc-timestamp"];
  if (rawTimestamp === undefined) throw new Refusal("missing-parameter", { parameter: "X-TC-Timestamp" });
  const timestamp = parseUnixSeconds(rawTimestamp);
  if (timestamp === undefined) {
    throw new Refusal("invalid-parameter", { parameter: "X-TC-Timestamp", reason: "expected Unix seconds" });
  }
  const skew = services.clockSkewSeconds;
  if (!withinSkew(timestamp, services.nowMs(), skew)) {
    throw new Refusal("expired", {
      reason: `X-TC-Timestamp ${timestamp} is more than ${skew} seconds away from the server time ${Math.floor(services.nowMs() / 1000)}`,
    });
  }

  if (!verifyTc3(request, auth, credential, keys.secret, timestamp)) throw new Refusal("bad-signature");

  if (!services.admit("tencent", keys.id)) throw new Refusal("throttled");

  const version = headers["x-tc-version"];
  if (!version) throw new Refusal("missing-parameter", { parameter: "X-TC-Version" });
  if (version !== product.version) throw new Refusal("unknown-version", { value: version });

  const actionName = headers["x-tc-action"];
  if (!actionName) throw new Refusal("missing-parameter", { parameter: "X-TC-Action" });
  const { actions } = served.sandbox;
  const action = Object.hasOwn(actions, actionName) ? actions[actionName] : undefined;
  if (!action) return describedAction(request, product, actionName, version, services);

  const params = request.method === "GET" ? unflattenQuery(request.query) : jsonObjectBody(request.bodyText);
  const checked = action.check(params, { fromText: request.method === "GET" });
  const region = headers["x-tc-region"];
  if (!region) throw new Refusal("missing-parameter", { parameter: "X-TC-Region" });

  if (!product.regions.includes(region)) {
    throw new Refusal("unknown-region", {
      value: region,
      reason: `${product.service} is served in ${product.regions.join(", ")}`,
    });
  }
  if (checked.DryRun === true) throw new Refusal("dry-run");
  return action.run(checked, region, actionContext(served, services));
}

/**
 * An action with no hand-written sandbox action: the answer synthesized from the product's actions
 * document (after the same region and DryRun checks), else the unknown-action failure.
 */
function describedAction(
  request: SandboxRequest,
  product: ProductDefinition,
  actionName: string,
  version: string,
  services: SandboxServices,
): Record<string, unknown> {
  const params = request.method === "GET" ? unflattenQuery(request.query) : jsonObjectBody(request.bodyText);
  const answer = services.describedAnswer(product, actionName, version, params, {
    fromText: request.method === "GET",
  });
  if (!answer) throw new Refusal("unknown-action", { value: actionName });
  const region = request.headers["x-tc-region"];
  if (!region) throw new Refusal("missing-parameter", { parameter: "X-TC-Region" });
  if (!product.regions.includes(region)) {
    throw new Refusal("unknown-region", {
      value: region,
      reason: `${product.service} is served in ${product.regions.join(", ")}`,
    });
  }
  if (params.DryRun === true || params.DryRun === "true") throw new Refusal("dry-run");
  return answer;
}

export function handleTencent(
  request: SandboxRequest,
  services: SandboxServices,
  sandboxes: TencentSandboxes,
): Reply {
  const served = productOf(request, sandboxes, services);
  const product: ProductDefinition = served.definition;
  const traceId = request.headers["x-tc-traceid"];
  const base = {
    dialect: "tencent" as const,
    product,
    action: request.headers["x-tc-action"] ?? "",
    format: "json" as const,
    requestId: newRequestId(product),
    ...(traceId ? { headers: { "X-TC-TraceId": traceId } } : {}),
  };
  try {
    return { ...base, ok: true, data: serve(request, served, services) };
  } catch (error) {
    return { ...base, ok: false, failure: tencentFailure(product, asRefusal(error)) };
  }
}
