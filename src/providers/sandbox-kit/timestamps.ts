/** Unix seconds written as digits only (X-TC-Timestamp, X-ZC-Timestamp); undefined otherwise. */
export function parseUnixSeconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,12}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

/** Alibaba's Timestamp / x-acs-date: ISO 8601 in UTC, yyyy-MM-ddTHH:mm:ssZ; undefined otherwise. */
export function parseIsoUtcSeconds(text: string | undefined): number | undefined {
  const match = text === undefined ? null : ISO_UTC.exec(text.trim());
  if (!match) return undefined;
  const ms = Date.parse(text?.trim() ?? "");
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Whether `seconds` is within `skewSeconds` of the server clock. */
export function withinSkew(seconds: number, nowMs: number, skewSeconds: number): boolean {
  return Math.abs(nowMs / 1000 - seconds) <= skewSeconds;
}
