import type { RecordedRequest } from "../model/exchange.js";
import { requestParams } from "../model/request-params.js";
import { dialectFromRequest } from "../providers/detect-exchange.js";
import type { Dialect } from "../providers/dialect.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import { findProduct, productByService } from "../providers/registry.js";
import { UNKNOWN } from "../providers/request-form.js";
import { actionsDocuments } from "../schemas/actions-documents.js";

/**
 * The public URL a request made to some other address is meant for (the proxy's reverse mode: the SDK's
 * endpoint is the proxy, the request still names its product): the dialect its headers or parameters
 * announce, then the product's public host, with the request's own path and query. Tencent: the service
 * of the TC3 credential scope (cvm.tencentcloudapi.com) when it is one the suite knows (an SDK pointed at
 * 127.0.0.1 signs the service "127"); Alibaba: the product its Version names, at the endpoint of its
 * RegionId; Zenlayer: console.zenlayer.com. Undefined when the request names none.
 */
export function publicUpstreamOf(
  request: RecordedRequest,
  pathAndQuery: string,
): { dialect: Dialect; url: URL } | undefined {
  const dialect = dialectFromRequest({ request });
  if (!dialect) return undefined;
  const requests = dialectRequests[dialect];
  const identity = requests.identify(request, new URL(pathAndQuery, "http://placeholder.invalid"));
  if (identity.product === UNKNOWN) return undefined;
  let host: string;
  if (dialect === "alibaba") {
    // Alibaba's hosts are per product and region, and a product's own endpoint rule says which.
    const product = findProduct(dialect, identity.product);
    const region = requestParams(request).get("RegionId") ?? request.headers["x-acs-region-id"] ?? undefined;
    if (!product?.endpoint) return undefined;
    host = product.endpoint(region);
  } else {
    const known =
      productByService(dialect, identity.product) ??
      (actionsDocuments().versionsOf(dialect, identity.product).length > 0 ? identity.product : undefined);
    if (!known) return undefined;
    host = requests.publicHost(typeof known === "string" ? known : known.service);
  }
  return { dialect, url: new URL(pathAndQuery, `https://${host}`) };
}
