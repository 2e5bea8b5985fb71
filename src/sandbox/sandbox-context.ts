import type { Dialect } from "../dialects/dialect.js";
import type { CodeTables } from "../schemas/code-tables.js";
import { EssStore } from "./alibaba/ess-store.js";
import type { DefectName } from "./defects.js";
import type { ResolvedSandboxOptions } from "./sandbox-options.js";
import { TokenBuckets } from "./token-buckets.js";

/** What one running sandbox shares between requests: its options, throttling buckets and state. */
export interface SandboxContext {
  options: ResolvedSandboxOptions;
  /** Null when throttling is off. */
  buckets: TokenBuckets | null;
  /** Scaling groups created (and deleted) through this sandbox. */
  ess: EssStore;
  /** The documented statuses, loaded only for the wrong-status-for-code defect. */
  codes: CodeTables | undefined;
  nowMs(): number;
  /** 1, 2, 3, … (Zenlayer instance IDs and order numbers). */
  nextSerial(): number;
  has(defect: DefectName): boolean;
}

export function throttleKey(dialect: Dialect, accessKeyId: string): string {
  return `${dialect}:${accessKeyId}`;
}

/** A Retry-After header (seconds) for a throttled answer of `dialect`, or none when throttling is off. */
export function retryAfter(context: SandboxContext, dialect: Dialect): Record<string, string> {
  if (!context.buckets) return {};
  const key = throttleKey(dialect, context.options.credentials[dialect].id);
  return { "Retry-After": String(context.buckets.secondsUntilToken(key)) };
}

export function createSandboxContext(
  options: ResolvedSandboxOptions,
  codes: CodeTables | undefined,
  nowMs: () => number = Date.now,
): SandboxContext {
  let serial = 0;
  return {
    options,
    buckets: options.rateLimit ? new TokenBuckets(options.rateLimit, nowMs) : null,
    ess: new EssStore(),
    codes,
    nowMs,
    nextSerial: () => ++serial,
    has: (defect) => options.defects.has(defect),
  };
}
