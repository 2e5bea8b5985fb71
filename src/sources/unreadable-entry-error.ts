/**
 * Thrown while turning one recorded entry (a HAR entry or an NDJSON line) into an exchange, when that entry
 * cannot become one. The reader catches it and yields the entry as unreadable with this message as the
 * reason; it never escapes a reader.
 */
export class UnreadableEntryError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnreadableEntryError";
  }
}
