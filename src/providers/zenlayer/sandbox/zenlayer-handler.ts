import { productByService, productsOf } from "../../registry.js";
import { parseAuthorization } from "../../sandbox-kit/authorization-header.js";
import { describedServiceProduct } from "../../sandbox-kit/described-service.js";
import { jsonObjectBody } from "../../sandbox-kit/parameter-checks.js";
import { actionContext, type ServedProduct, servedProduct } from "../../sandbox-kit/product-sandbox.js";
import { asRefusal, Refusal } from "../../sandbox-kit/refusal.js";
import type { Reply } from "../../sandbox-kit/reply.js";
import { newRequestId } from "../../sandbox-kit/request-ids.js";
import type { SandboxRequest } from "../../sandbox-kit/sandbox-request.js";
import type { SandboxServices } from "../../sandbox-kit/sandbox-services.js";
import { parseUnixSeconds, withinSkew } from "../../sandbox-kit/timestamps.js";
import { verifyZc2 } from "./verify-zc2.js";
import { zenlayerFailure } from "./zenlayer-messages.js";
import type { ZenlayerProductSandbox } from "./zenlayer-product-sandbox.js";

export type ZenlayerSandboxes = Readonly<Record<string, ZenlayerProductSandbox>>;

const SERVICE_PATH = /^\/api\/v2\/([^/]+)\/?$/;

/** Zenlayer request IDs: "T" and an upper-case UUID (provider-facts.md §3). */
export const ZENLAYER_REQUEST_ID_PREFIX = "T";

/** The service of POST /api/v2/SERVICE, when the path has that shape. */
function serviceOf(request: SandboxRequest): string | undefined {
  return SERVICE_PATH.exec(request.path)?.[1];
}

/**
 * The product a request calls: the one its path names (POST /api/v2/bmc), else (with describedProducts) a
 * service with an actions document but no folder, served from it alone, else the product that answers
 * unknown services.
 */
function productOf(
  request: SandboxRequest,
  sandboxes: ZenlayerSandboxes,
  services: SandboxServices,
): ServedProduct<ZenlayerProductSandbox> {
  const service = serviceOf(request);
  const known = service === undefined ? undefined : productByService("zenlayer", service);
  const served = servedProduct(productsOf("zenlayer"), sandboxes, [known]);
  const version = request.headers["x-zc-version"];
  if (service && version && !known && services.describesProduct("zenlayer", service, version)) {
    return {
      definition: describedServiceProduct(served.definition, service, version),
      sandbox: { actions: {} },
    };
  }
  return served;
}

/**
 * Zenlayer Cloud: checks in the documented order (method, access key, timestamp, signature, throttling,
 * version, action, service, parameters, zone), then answers the action.
 */
function serve(
  request: SandboxRequest,
  served: ServedProduct<ZenlayerProductSandbox>,
  services: SandboxServices,
  sandboxes: ZenlayerSandboxes,
): Record<string, unknown> {
  const { headers } = request;
  const product = served.definition;
  if (request.method !== "POST") throw new Refusal("bad-method", { value: request.method });

  const auth = parseAuthorization(headers.authorization, "ZC2-HMAC-SHA256");
  if (!auth) {
    throw new Refusal("invalid-authorization", {
      reason: headers.authorization
        ? "expected ZC2-HMAC-SHA256 Credential=ID, SignedHeaders=…, Signature=…"
        : "no Authorization header",
    });
  }
  const keys = services.credentials.zenlayer;
  if (auth.credential !== keys.id) throw new Refusal("unknown-key");

  const rawTimestamp = headers["x-zc-timestamp"];
  if (rawTimestamp === undefined) throw new Refusal("missing-parameter", { parameter: "X-ZC-Timestamp" });
  const timestamp = parseUnixSeconds(rawTimestamp);
  if (timestamp === undefined) {
    throw new Refusal("invalid-parameter", { parameter: "X-ZC-Timestamp", reason: "expected Unix seconds" });
  }
  const skew = services.clockSkewSeconds;
  if (!withinSkew(timestamp, services.nowMs(), skew)) {
    throw new Refusal("expired", {
      reason: `X-ZC-Timestamp ${timestamp} is more than ${skew} seconds away from the server time ${Math.floor(services.nowMs() / 1000)}`,
    });
  }

  const method = headers["x-zc-signature-method"];
  if (method !== undefined && method !== "ZC2-HMAC-SHA256") {
    throw new Refusal("bad-signature", {
      reason: `X-ZC-Signature-Method must be ZC2-HMAC-SHA256, got ${method}`,
    });
  }
  if (!verifyZc2(request, auth, keys.secret, timestamp)) throw new Refusal("bad-signature");

  if (!services.admit("zenlayer", keys.id)) throw new Refusal("throttled");

  const version = headers["x-zc-version"];
  if (!version) throw new Refusal("missing-parameter", { parameter: "X-ZC-Version" });
  if (version !== product.version) throw new Refusal("unknown-version", { value: version });

  const actionName = headers["x-zc-action"];
  if (!actionName) throw new Refusal("missing-parameter", { parameter: "X-ZC-Action" });
  const service = serviceOf(request);
  if (service !== product.service) {
    const paths = productsOf("zenlayer")
      .filter((p) => Object.hasOwn(sandboxes, p.id))
      .map((p) => `/api/v2/${p.service}`);
    throw new Refusal("unknown-action", {
      value: actionName,
      reason: `the sandbox serves POST ${paths.join(", ")}, not ${request.path}`,
    });
  }
  const { actions } = served.sandbox;
  const action = Object.hasOwn(actions, actionName) ? actions[actionName] : undefined;
  if (!action) {
    // No hand-written action: the answer synthesized from the product's actions document, if it has one.
    const params = jsonObjectBody(request.bodyText);
    const answer = services.describedAnswer(product, actionName, version, params);
    if (!answer) throw new Refusal("unknown-action", { value: actionName });
    if (typeof params.zoneId === "string" && !product.regions.includes(params.zoneId)) {
      throw new Refusal("unknown-region", { value: params.zoneId });
    }
    return answer;
  }

  const checked = action.check(jsonObjectBody(request.bodyText), actionContext(served, services));
  if (checked.zoneId !== undefined && !product.regions.includes(checked.zoneId)) {
    throw new Refusal("unknown-region", { value: checked.zoneId });
  }
  return checked.run();
}

export function handleZenlayer(
  request: SandboxRequest,
  services: SandboxServices,
  sandboxes: ZenlayerSandboxes,
): Reply {
  const served = productOf(request, sandboxes, services);
  const product = served.definition;
  const base = {
    dialect: "zenlayer" as const,
    product,
    action: request.headers["x-zc-action"] ?? "",
    format: "json" as const,
    requestId: newRequestId(product, ZENLAYER_REQUEST_ID_PREFIX),
  };
  try {
    return { ...base, ok: true, data: serve(request, served, services, sandboxes) };
  } catch (error) {
    const failure = zenlayerFailure(product, asRefusal(error));
    return {
      ...base,
      ok: false,
      failure,
      ...(failure.status === 429 ? { headers: services.retryAfter("zenlayer") } : {}),
    };
  }
}
