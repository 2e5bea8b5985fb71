/**
 * Why the sandbox refuses a request, independent of dialect. Each product's failure table (src/providers/DIALECT/…)
 * turns a kind into its documented code and HTTP status; the sandbox adds the message.
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
