import { exceedsDepth } from "./body-depth.js";
import type { DecodedBody, DecodeLimits } from "./decoded-body.js";

export function decodeJson(text: string, limits: DecodeLimits): DecodedBody {
  if (text.trim() === "") return { ok: false, format: "json", message: "body is empty, expected JSON" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(reason)?.[1] ?? Number.NaN);
    const endsEarly =
      /end of JSON input|Unterminated string/.test(reason) || position >= text.trimEnd().length;
    const truncated = endsEarly ? " (the body ends early: truncated?)" : "";
    return { ok: false, format: "json", message: `body is not valid JSON: ${reason}${truncated}` };
  }
  if (exceedsDepth(value, limits.maxDepth)) {
    return {
      ok: false,
      format: "json",
      message: `body nests deeper than ${limits.maxDepth} levels (maxDepth); not judged further`,
    };
  }
  return { ok: true, format: "json", value };
}
