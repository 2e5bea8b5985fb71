import type { Dialect } from "../providers/dialect.js";
import type { CodeTables } from "../schemas/code-tables.js";
import { EssStore } from "./alibaba/ess-store.js";
import type { DefectName } from "./defects.js";
import type { ResolvedSandboxOptions } from "./sandbox-options.js";
import { SandboxThrottling } from "./sandbox-throttling.js";

/** What one running sandbox shares between requests: its options, throttling and state. */
export interface SandboxContext {
  options: ResolvedSandboxOptions;
  /** Token buckets (none when the rate limit is off) and the keys held throttled. */
  throttling: SandboxThrottling;
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

/** Whether a request of `dialect` signed with `accessKeyId` may go on (false: answer it as throttled). */
export function admitted(context: SandboxContext, dialect: Dialect, accessKeyId: string): boolean {
  return context.throttling.admit(throttleKey(dialect, accessKeyId));
}

/** A Retry-After header (seconds) for a throttled answer of `dialect`, or none when nothing throttles it. */
export function retryAfter(context: SandboxContext, dialect: Dialect): Record<string, string> {
  const key = throttleKey(dialect, context.options.credentials[dialect].id);
  const seconds = context.throttling.retryAfterSeconds(key);
  return seconds === undefined ? {} : { "Retry-After": String(seconds) };
}

export function createSandboxContext(
  options: ResolvedSandboxOptions,
  codes: CodeTables | undefined,
  nowMs: () => number = Date.now,
): SandboxContext {
  let serial = 0;
  return {
    options,
    throttling: new SandboxThrottling(options.rateLimit, nowMs),
    ess: new EssStore(),
    codes,
    nowMs,
    nextSerial: () => ++serial,
    has: (defect) => options.defects.has(defect),
  };
}
