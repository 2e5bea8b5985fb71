import { type Credentials, credentialsFromEnv } from "../providers/credentials.js";
import type { TlsMaterial } from "../tls/certificates.js";
import { DEFECT_NAMES, type DefectName, isDefectName } from "./defects.js";

export interface RateLimit {
  /** Tokens added per second to each (dialect, access key id) bucket. */
  perSecond: number;
  /** Bucket size: how many requests may come at once before throttling starts. */
  burst: number;
}

export interface SandboxOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  defects?: DefectName[];
  /** Default credentialsFromEnv(): the SDK variables, else SANDBOX_CREDENTIALS. */
  credentials?: Credentials;
  /**
   * Default { perSecond: 20, burst: 40 }; null turns the rate limit off (a hold taken with
   * RunningSandbox.throttle still throttles).
   */
  rateLimit?: RateLimit | null;
  /** Accepted distance between a request's timestamp and the server clock, default 300 seconds. */
  clockSkewSeconds?: number;
  /**
   * Also serve the Tencent and Zenlayer products that have no folder in src/providers but an actions
   * document in schemas/ (cbs, vpc, vm, …: every described action synthesized). Default false: only the
   * registry's products.
   */
  describedProducts?: boolean;
  /** Serve HTTPS with this certificate and key (src/tls/certificates.ts) instead of plain HTTP. */
  tls?: TlsMaterial;
}

export interface ResolvedSandboxOptions {
  port: number;
  host: string;
  defects: ReadonlySet<DefectName>;
  credentials: Credentials;
  rateLimit: RateLimit | null;
  clockSkewSeconds: number;
  describedProducts: boolean;
  tls: TlsMaterial | undefined;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;
export const DEFAULT_HOST = "127.0.0.1";
/** Request bodies above this size are refused with 413 (1 MiB). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Fills in the defaults and refuses values that cannot work, with a message that says which. */
export function resolveSandboxOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`sandbox port must be an integer from 0 to 65535, got ${port}`);
  }
  const defects = options.defects ?? [];
  const unknown = defects.filter((d) => !isDefectName(d));
  if (unknown.length > 0) {
    throw new RangeError(
      `unknown sandbox defect(s): ${unknown.join(", ")} (known: ${DEFECT_NAMES.join(", ")})`,
    );
  }
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  if (rateLimit !== null) {
    if (!(rateLimit.perSecond > 0) || !Number.isFinite(rateLimit.perSecond)) {
      throw new RangeError(
        `sandbox rate must be a positive number of requests per second, got ${rateLimit.perSecond}`,
      );
    }
    if (!Number.isInteger(rateLimit.burst) || rateLimit.burst < 1) {
      throw new RangeError(`sandbox burst must be a positive integer, got ${rateLimit.burst}`);
    }
  }
  const clockSkewSeconds = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (!(clockSkewSeconds >= 0) || !Number.isFinite(clockSkewSeconds)) {
    throw new RangeError(
      `sandbox clock skew must be a number of seconds of at least 0, got ${clockSkewSeconds}`,
    );
  }
  return {
    port,
    host: options.host ?? DEFAULT_HOST,
    defects: new Set(defects),
    credentials: options.credentials ?? credentialsFromEnv(),
    rateLimit,
    clockSkewSeconds,
    describedProducts: options.describedProducts ?? false,
    tls: options.tls,
  };
}
