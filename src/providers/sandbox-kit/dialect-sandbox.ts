import type { Dialect } from "../dialect.js";
import type { ProductDefinition } from "../product.js";
import type { Failure, Refusal } from "./refusal.js";
import type { HttpAnswer, RenderHints, Reply } from "./reply.js";
import type { SandboxRequest } from "./sandbox-request.js";
import type { SandboxServices } from "./sandbox-services.js";

/** How the sandbox speaks one dialect (src/providers/DIALECT/sandbox/), with the products it serves. */
export interface DialectSandbox {
  dialect: Dialect;
  /** The reply to a request of this dialect; undefined when the request speaks another. */
  handle(request: SandboxRequest, services: SandboxServices): Reply | undefined;
  /** The bytes of a reply, as the dialect writes them. */
  render(reply: Reply, hints: RenderHints): HttpAnswer;
  /** A refusal as `product` answers it: the documented code and status, in the product's words. */
  failure(product: ProductDefinition, refusal: Refusal): Failure;
  /** A new request ID in the product's usual shape. */
  newRequestId(product: ProductDefinition): string;
}
