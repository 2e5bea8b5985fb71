import { UnreadableEntryError } from "./unreadable-entry-error.js";

const ONE_MIB = 1024 * 1024;
const HOW_TO_RAISE = "raise it with --max-body-bytes";

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** Throws when a body of `bytes` decoded UTF-8 bytes is over the limit. */
export function checkBodySize(which: "request" | "response", bytes: number, maxBodyBytes: number): void {
  if (bytes > maxBodyBytes) {
    throw new UnreadableEntryError(
      `${which} body is ${formatCount(bytes)} bytes, over the ${formatCount(maxBodyBytes)}-byte limit (${HOW_TO_RAISE})`,
    );
  }
}

/**
 * Longest raw JSON text (in characters) of one HAR entry or NDJSON line that is kept in memory. A body of
 * `maxBodyBytes` can take up to about twice as many characters once escaped, and the rest of the entry
 * (headers, timings) gets one more MiB. Anything longer cannot hold a body within the limit.
 */
export function maxEntryTextLength(maxBodyBytes: number): number {
  return maxBodyBytes * 2 + ONE_MIB;
}

/** The reason given for a HAR entry whose raw text was too long to be kept. */
export function oversizedEntryReason(length: number, maxBodyBytes: number): string {
  return (
    `entry is ${formatCount(length)} characters long, too long to hold a body within the ` +
    `${formatCount(maxBodyBytes)}-byte limit (${HOW_TO_RAISE})`
  );
}

/**
 * The reason given for an NDJSON line that grew past `maxEntryTextLength` characters. It is given as soon as
 * the line crosses that length, before its end is known (a line may never end: `check /dev/zero`), so it
 * says "longer than", not how long.
 */
export function oversizedLineReason(maxBodyBytes: number): string {
  return (
    `line is longer than ${formatCount(maxEntryTextLength(maxBodyBytes))} characters, too long to hold a ` +
    `body within the ${formatCount(maxBodyBytes)}-byte limit (${HOW_TO_RAISE}); it was skipped up to its end`
  );
}
