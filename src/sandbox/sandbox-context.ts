import type { Dialect } from "../providers/dialect.js";
import type { ProductDefinition } from "../providers/product.js";
import type { SandboxServices } from "../providers/sandbox-kit/sandbox-services.js";
import { actionsDocuments } from "../schemas/actions-documents.js";
import type { CodeTables } from "../schemas/code-tables.js";
import type { DefectName } from "./defects.js";
import { describedActions } from "./described-answer.js";
import type { ResolvedSandboxOptions } from "./sandbox-options.js";
import { SandboxThrottling } from "./sandbox-throttling.js";

/** What one running sandbox shares between requests: its options, throttling and the products' state. */
export interface SandboxContext extends SandboxServices {
  options: ResolvedSandboxOptions;
  /** Token buckets (none when the rate limit is off) and the keys held throttled. */
  throttling: SandboxThrottling;
  /** The documented statuses, loaded only for the wrong-status-for-code defect. */
  codes: CodeTables | undefined;
  has(defect: DefectName): boolean;
}

export function throttleKey(dialect: Dialect, accessKeyId: string): string {
  return `${dialect}:${accessKeyId}`;
}

export function createSandboxContext(
  options: ResolvedSandboxOptions,
  codes: CodeTables | undefined,
  nowMs: () => number = Date.now,
): SandboxContext {
  let serial = 0;
  const throttling = new SandboxThrottling(options.rateLimit, nowMs);
  const productStates = new Map<string, unknown>();
  return {
    options,
    throttling,
    codes,
    credentials: options.credentials,
    clockSkewSeconds: options.clockSkewSeconds,
    nowMs,
    nextSerial: () => ++serial,
    has: (defect) => options.defects.has(defect),
    admit: (dialect, accessKeyId) => throttling.admit(throttleKey(dialect, accessKeyId)),
    retryAfter(dialect): Record<string, string> {
      const seconds = throttling.retryAfterSeconds(throttleKey(dialect, options.credentials[dialect].id));
      return seconds === undefined ? {} : { "Retry-After": String(seconds) };
    },
    productState<State>(product: ProductDefinition, create: () => State): State {
      const key = `${product.dialect}/${product.id}`;
      if (!productStates.has(key)) productStates.set(key, create());
      return productStates.get(key) as State;
    },
    describedAnswer: (product, action, version, params, textOptions) =>
      describedActions().answer(product.dialect, product.id, action, version, params, textOptions),
    describesProduct: (dialect, service, version) =>
      options.describedProducts &&
      /^[a-z][a-z0-9]*$/.test(service) &&
      actionsDocuments().versionsOf(dialect, service).includes(version),
  };
}
