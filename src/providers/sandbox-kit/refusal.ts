import type { FailureKind } from "../failure-kind.js";

export type { FailureKind };

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
