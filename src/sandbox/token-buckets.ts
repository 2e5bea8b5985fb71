import type { RateLimit } from "./sandbox-options.js";

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Throttling: one token bucket per key (the sandbox uses "dialect:access key id"). A bucket holds up to
 * `burst` tokens, refills at `perSecond`, and each admitted request takes one token.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Takes a token for `key`; false when the bucket is empty (the request is throttled). */
  take(key: string): boolean {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, updatedMs: now };
    const elapsed = Math.max(0, now - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.limit.perSecond);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `key` has a token again (for Retry-After), at least 1. */
  secondsUntilToken(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 1;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }
}
