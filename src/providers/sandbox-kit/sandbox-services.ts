import type { Credentials } from "../credentials.js";
import type { Dialect } from "../dialect.js";
import type { ProductDefinition } from "../product.js";

/**
 * What dialect and product sandbox code may ask of the running sandbox (src/sandbox's context implements
 * it): the test credentials, the clock, throttling, serial numbers and each product's own state.
 */
export interface SandboxServices {
  readonly credentials: Credentials;
  /** Accepted distance between a request's timestamp and the server clock. */
  readonly clockSkewSeconds: number;
  nowMs(): number;
  /** 1, 2, 3, … (Zenlayer instance IDs and order numbers). */
  nextSerial(): number;
  /** Whether a request of `dialect` signed with `accessKeyId` may go on (false: answer it as throttled). */
  admit(dialect: Dialect, accessKeyId: string): boolean;
  /** A Retry-After header for a throttled answer of `dialect`, or none when nothing throttles it. */
  retryAfter(dialect: Dialect): Record<string, string>;
  /** The product's state in this sandbox, made by `create` on first use and kept until the sandbox stops. */
  productState<State>(product: ProductDefinition, create: () => State): State;
  /**
   * The answer to an action the product's sandbox does not serve by hand but its actions document
   * describes (schemas/DIALECT/actions/PRODUCT/VERSION.actions.json, `version` else the newest): a
   * deterministic payload synthesized from the action's definition, seeded by product, action and `params`,
   * without the request ID (the dialect's renderer adds it). Undefined when no document describes the action.
   * Throws the Refusal of a parameter the description's request side rejects (missing-parameter,
   * invalid-parameter); `fromText` where the values arrive as text (a query string, Alibaba RPC).
   */
  describedAnswer(
    product: ProductDefinition,
    action: string,
    version: string | undefined,
    params: Readonly<Record<string, unknown>>,
    options?: { fromText?: boolean },
  ): Record<string, unknown> | undefined;
  /**
   * With the sandbox's `describedProducts` option: whether an actions document describes `service` of
   * `dialect` at `version` (a product with no folder in src/providers, served from its description alone).
   */
  describesProduct(dialect: Dialect, service: string, version: string): boolean;
}
