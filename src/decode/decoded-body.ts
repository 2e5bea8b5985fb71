import type { FindingData } from "../model/finding.js";
import type { BodyFormat } from "../providers/dialect.js";

export type DecodedBody =
  | { ok: true; format: BodyFormat; value: unknown; xmlRoot?: string }
  | {
      ok: false;
      format: BodyFormat;
      message: string;
      /** The same, for programs: one of DECODE_MESSAGES (decode-problem.ts) and its data. */
      problem: { messageId: string; data: FindingData };
    };

export interface DecodeLimits {
  /** Deepest nesting of objects/arrays (JSON) or elements (XML) accepted. */
  maxDepth: number;
}

export const DEFAULT_MAX_DEPTH = 256;
