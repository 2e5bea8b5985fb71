import type { RefusalDetail } from "./refusal.js";

const MAX_ECHO = 120;

/** Text from the request, cut to a length fit for an error message. */
export function clip(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** "TEXT." or "TEXT: REASON.", ending with one full stop. */
export function withReason(text: string, detail: RefusalDetail): string {
  const base = text.replace(/\.$/, "");
  return detail.reason ? `${base}: ${clip(detail.reason).replace(/\.$/, "")}.` : `${base}.`;
}

/** The parameter a refusal names, or a placeholder when it names none. */
export function parameterOf(detail: RefusalDetail): string {
  return clip(detail.parameter ?? "(unnamed)");
}

/** The value a refusal names, or "". */
export function offendingValue(detail: RefusalDetail): string {
  return clip(detail.value ?? "");
}
