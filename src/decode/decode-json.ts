import { exceedsDepth } from "./body-depth.js";
import { decodeFailure } from "./decode-problem.js";
import type { DecodedBody, DecodeLimits } from "./decoded-body.js";

export function decodeJson(text: string, limits: DecodeLimits): DecodedBody {
  if (text.trim() === "") return decodeFailure("json", "empty", { format: "JSON" });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(reason)?.[1] ?? Number.NaN);
    const endsEarly =
      /end of JSON input|Unterminated string/.test(reason) || position >= text.trimEnd().length;
    return decodeFailure("json", endsEarly ? "truncatedJson" : "invalidJson", { reason });
  }
  // Each level takes an opening and a closing bracket: a shorter text cannot nest too deep.
  if (text.length > 2 * limits.maxDepth && exceedsDepth(value, limits.maxDepth)) {
    return decodeFailure("json", "tooDeep", { maxDepth: limits.maxDepth });
  }
  return { ok: true, format: "json", value };
}
