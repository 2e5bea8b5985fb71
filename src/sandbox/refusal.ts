/**
 * Why the sandbox refuses a request, independent of dialect. Each dialect's failure table turns a kind
 * into its documented code, HTTP status and message (tencent/, alibaba/, zenlayer/ *-failures.ts).
 */
export type FailureKind =
  /** An HTTP method other than the dialect's (Tencent and Alibaba: GET, POST; Zenlayer: POST). */
  | "bad-method"
  /** No Authorization (or signature parameters), or one that is not the dialect's scheme. */
  | "invalid-authorization"
  | "unknown-key"
  | "expired"
  | "bad-signature"
  | "throttled"
  | "unknown-version"
  | "unknown-action"
  | "missing-parameter"
  | "unknown-parameter"
  | "invalid-parameter"
  /** A body that is not what the dialect reads (Tencent, Zenlayer: a JSON object). */
  | "malformed-body"
  | "unknown-region"
  | "dry-run"
  | "resource-not-found"
  | "internal";

export interface RefusalDetail {
  /** The parameter (or header) concerned. */
  parameter?: string;
  /** The offending value, as sent. */
  value?: string;
  /** Plain words on what is wrong, appended to the documented message. */
  reason?: string;
}

/** Thrown by a handler to refuse the request; the dialect renders it as its documented error. */
export class Refusal extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: RefusalDetail = {},
  ) {
    super(
      `${kind}${detail.parameter ? ` (${detail.parameter})` : ""}${detail.reason ? `: ${detail.reason}` : ""}`,
    );
    this.name = "Refusal";
  }
}

/** A refusal as a dialect documents it. */
export interface Failure {
  kind: FailureKind;
  code: string;
  message: string;
  /** HTTP status (Tencent: always 200). */
  status: number;
}

/** A refusal as thrown, or an unexpected error as an internal failure (the sandbox never crashes). */
export function asRefusal(error: unknown): Refusal {
  if (error instanceof Refusal) return error;
  return new Refusal("internal", { reason: error instanceof Error ? error.message : String(error) });
}
