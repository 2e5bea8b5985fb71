import type { ProbeExpectation } from "../model/exchange.js";
import type { BodyFormat, Dialect } from "./dialect.js";
import type { FailureKind } from "./failure-kind.js";

/**
 * How a product answers one kind of bad request: the documented code and HTTP status. The sandbox answers
 * with it, and the probe for that kind expects it (probe-expected-code). Where a code table lists the code
 * with a status, the two agree (test/providers/product-facts.test.ts).
 */
export interface FailureAnswer {
  code: string;
  status: number;
  /** The document behind the code and status; the product's `failureSource` when absent. */
  source?: string;
  /**
   * What a probe may demand of a target: the code (false where no document names one, as for most of
   * Zenlayer's) and the exact status or only its class (where only the class is documented). Default:
   * the code and the exact status.
   */
  expect?: { code?: boolean; status?: "exact" | "class" };
}

export type FailureTable = Record<FailureKind, FailureAnswer>;

/** One call of a live run (and of the contracts, and the recordings): an action with parameters that work. */
export interface ActionCall {
  action: string;
  /** Tencent and Zenlayer: the JSON body; Alibaba: the action's own parameters (strings). */
  params: Record<string, unknown>;
  /** Alibaba: the formats it is called in (default: the dialect's, JSON and XML for Alibaba). */
  formats?: readonly BodyFormat[];
  /** A parameter taken from an earlier call's answer (run after it): delete what was created. */
  uses?: { action: string; pointer: string; param: string };
  /** The Pact provider state the call needs (default: valid credentials). */
  state?: string;
  /** JSON pointers of members whose values differ between two calls (compared by presence only). */
  varying?: readonly string[];
}

/** A change to a call that makes it a deliberately bad request. */
export interface ProbeChange {
  action?: string;
  version?: string;
  region?: string | null;
  method?: string;
  params?: Record<string, unknown>;
  signing?: { keyId?: string; secretSuffix?: string; timestampOffsetSeconds?: number };
  /** The throttling probe repeats its call until it is throttled (at most this many times). */
  repeatUntilThrottled?: number;
}

/** A deliberately bad request and the failure it must draw. */
export interface ProbeDefinition {
  /** Unique within the dialect (reports name probes `probe:DIALECT/NAME`). */
  name: string;
  description: string;
  /** The action call it changes (one of the product's `calls`). */
  base: string;
  change: ProbeChange;
  failure: FailureKind;
}

/**
 * Everything true of one product, in one place (DESIGN.md "Providers"): read by detection, rules, the live
 * runner, the sandbox, contracts, the recordings generator, docs and tests. A product lives in
 * src/providers/DIALECT/PRODUCT/product.ts; scripts/gen-providers.ts lists them all.
 */
export interface ProductDefinition {
  dialect: Dialect;
  /** The product id of reports and code tables: cvm, kms, ess, bmc, … */
  id: string;
  title: string;
  /** The API version it speaks. */
  version: string;
  /** The documents it is built from (paths relative to ../shared). */
  sources: readonly string[];
  /**
   * What names it in a request: the first label of its public host (kms.cn-hangzhou.aliyuncs.com,
   * cvm.tencentcloudapi.com) or, for Zenlayer, the service of /api/v2/SERVICE.
   */
  service: string;
  /** Regions (Tencent X-TC-Region, Alibaba RegionId) or, for Zenlayer, zones, that the sandbox serves. */
  regions: readonly string[];
  /** The region live calls name (Tencent X-TC-Region, Alibaba RegionId); null: none (Zenlayer). */
  callRegion: string | null;
  /** Letter case of the request IDs it answers (provider-facts.md §3). */
  requestIdCase: "lower" | "upper";
  /** Alibaba: the public endpoint that answers (an error's HostId), for a region. */
  endpoint?: (region: string | undefined) => string;
  /** Alibaba XML: a root element used for success and error alike, besides {Action}Response and Error (KMS). */
  xmlRoot?: string;
  /** Alibaba: the error body repeats the HTTP status in HttpStatus (KMS). */
  errorBodyStatus?: boolean;
  /** Alibaba: a missing HostId is only a warning (KMS: seed 002's own examples omit it). */
  hostIdOptional?: boolean;
  /** The document behind its failure table, cited by the probes. */
  failureSource: string;
  /** Failures that differ from the dialect's (Tencent and Zenlayer share theirs; Alibaba's differ per product). */
  failures?: Partial<FailureTable>;
  calls: readonly ActionCall[];
  probes: readonly ProbeDefinition[];
}

export type { ProbeExpectation };
