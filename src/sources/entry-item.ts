import type { ExchangeSource, SourceItem } from "../model/exchange.js";
import { harEntryToExchange } from "./har-entry.js";
import { ndjsonLineToExchange } from "./ndjson-line.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

/**
 * One entry of a recording as the readers find it, before it is parsed: an NDJSON line or the text of a
 * HAR entry. Parsing is the costly part of reading, and it can be done elsewhere (a worker thread) from
 * this plain, cloneable value.
 */
export interface EntryText {
  kind: "entry";
  format: "ndjson" | "har";
  text: string;
  source: ExchangeSource;
  /** HAR: where the entry starts in the file, in characters (for messages). */
  offset?: number;
}

/** What the readers yield when they do not parse: entries, and entries already known to be unreadable. */
export type EntryItem = EntryText | Extract<SourceItem, { kind: "unreadable" }>;

/** An entry parsed into an exchange, or unreadable with the reason (naming the field at fault). */
export function parseEntry(entry: EntryText, maxBodyBytes: number): SourceItem {
  const { source } = entry;
  try {
    if (entry.format === "ndjson") {
      return { kind: "exchange", exchange: ndjsonLineToExchange(entry.text, source, maxBodyBytes) };
    }
    let value: unknown;
    try {
      value = JSON.parse(entry.text);
    } catch (error) {
      // The scanner checked the structure; what is left is a bad escape or a control character in a string.
      const reason = `entry is not valid JSON: ${(error as Error).message} (the entry starts at character ${entry.offset})`;
      return { kind: "unreadable", source, reason };
    }
    return { kind: "exchange", exchange: harEntryToExchange(value, source, maxBodyBytes) };
  } catch (error) {
    if (error instanceof UnreadableEntryError) return { kind: "unreadable", source, reason: error.reason };
    throw error;
  }
}

/** The items of entries parsed where they are read (one thread). */
export async function* parsedItems(
  entries: AsyncIterable<EntryItem>,
  maxBodyBytes: number,
): AsyncGenerator<SourceItem> {
  for await (const item of entries) yield item.kind === "entry" ? parseEntry(item, maxBodyBytes) : item;
}
