import type { RateLimit } from "./sandbox-options.js";
import { TokenBuckets } from "./token-buckets.js";

/** Ends one hold of a forced throttle; calling it again does nothing. */
export type ReleaseThrottle = () => void;

/**
 * Whether a request is throttled, per key ("dialect:access key id"): while a key is held throttled
 * (hold), every request of it is; otherwise its token bucket decides (none when the rate limit is off).
 * Holds are counted, so holders that overlap (the KMS and ESS throttling probes share the Alibaba key)
 * each end only their own hold. A throttled request takes no token.
 */
export class SandboxThrottling {
  private readonly buckets: TokenBuckets | null;
  private readonly holds = new Map<string, number>();

  constructor(rateLimit: RateLimit | null, nowMs: () => number = Date.now) {
    this.buckets = rateLimit ? new TokenBuckets(rateLimit, nowMs) : null;
  }

  /** Admits a request of `key` (taking a token) or says it is throttled (false). */
  admit(key: string): boolean {
    if (this.held(key)) return false;
    return this.buckets ? this.buckets.take(key) : true;
  }

  /** Throttles every request of `key` until the returned function is called. */
  hold(key: string): ReleaseThrottle {
    this.holds.set(key, (this.holds.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.holds.get(key) ?? 1) - 1;
      if (left > 0) this.holds.set(key, left);
      else this.holds.delete(key);
    };
  }

  held(key: string): boolean {
    return this.holds.has(key);
  }

  /**
   * Retry-After seconds for a throttled answer of `key` (at least 1): when its bucket has a token again,
   * 1 while it is held with no rate limit; undefined when nothing throttles it (no hold, no rate limit).
   */
  retryAfterSeconds(key: string): number | undefined {
    if (this.buckets) return this.buckets.secondsUntilToken(key);
    return this.held(key) ? 1 : undefined;
  }
}
