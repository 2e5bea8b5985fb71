import type { BodyFormat } from "../providers/dialect.js";

export type DecodedBody =
  | { ok: true; format: BodyFormat; value: unknown; xmlRoot?: string }
  | { ok: false; format: BodyFormat; message: string };

export interface DecodeLimits {
  /** Deepest nesting of objects/arrays (JSON) or elements (XML) accepted. */
  maxDepth: number;
}

export const DEFAULT_MAX_DEPTH = 256;
