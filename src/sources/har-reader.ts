import { InputError, type SourceItem } from "../model/exchange.js";
import { maxEntryTextLength, oversizedEntryReason } from "./body-size-limit.js";
import { harEntryToExchange } from "./har-entry.js";
import { HarEntryScanner, type HarScanEvent } from "./har-entry-scanner.js";
import type { ReaderOptions } from "./reader-options.js";
import { readTextChunks } from "./text-chunks.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

/**
 * Reads the entries of a HAR 1.2 file one at a time, streaming: memory stays bounded by the largest entry,
 * never by the file. Yields every entry (an exchange, or unreadable with the reason), then throws an
 * InputError if the file as a whole is broken (missing, not HAR, bad JSON, truncated). With
 * `options.ordinals`, it counts every entry and yields only those the shard owns: the others are scanned
 * (the file's grammar is checked whole, in every shard) but neither kept, parsed nor validated.
 */
export function readHar(file: string, options: ReaderOptions): AsyncGenerator<SourceItem> {
  return harItems(file, readTextChunks(file, options), options);
}

/** The items of a HAR text that arrives in `chunks` (of the file `file`, which names the items' source). */
export async function* harItems(
  file: string,
  chunks: AsyncIterable<string>,
  options: ReaderOptions,
): AsyncGenerator<SourceItem> {
  const { ordinals } = options;
  // Every entry that ends takes the next ordinal, and entries end in order, so entry i of this file is
  // ordinal first + i whether or not the entries before it were kept. An entry the file breaks off in
  // never ends and takes none.
  const first = ordinals?.next ?? 0;
  const scanner = new HarEntryScanner(
    maxEntryTextLength(options.maxBodyBytes),
    ordinals && ((index) => ordinals.owns(first + index)),
  );
  for await (const chunk of chunks) {
    for (const event of scanner.scan(chunk)) {
      const item = toSourceItem(event, file, options);
      if (item) yield item;
    }
  }
  // Interrupted: the file is cut short, not truncated.
  if (options.signal?.aborted) return;
  for (const event of scanner.finish()) {
    const item = toSourceItem(event, file, options);
    if (item) yield item;
  }
}

/** The item of one scanner event: undefined for an entry another shard owns; throws on a whole-file error. */
function toSourceItem(event: HarScanEvent, file: string, options: ReaderOptions): SourceItem | undefined {
  if (event.type === "error") throw new InputError(file, event.message, event.index);
  options.ordinals?.count();
  if (event.type === "unkept-entry") return undefined;
  const source = { file, index: event.index };
  if (event.type === "oversized-entry") {
    return { kind: "unreadable", source, reason: oversizedEntryReason(event.length, options.maxBodyBytes) };
  }
  let entry: unknown;
  try {
    entry = JSON.parse(event.text);
  } catch (error) {
    // The scanner checked the structure; what is left is a bad escape or a control character in a string.
    const reason = `entry is not valid JSON: ${(error as Error).message} (the entry starts at character ${event.offset})`;
    return { kind: "unreadable", source, reason };
  }
  try {
    return { kind: "exchange", exchange: harEntryToExchange(entry, source, options.maxBodyBytes) };
  } catch (error) {
    if (error instanceof UnreadableEntryError) return { kind: "unreadable", source, reason: error.reason };
    throw error;
  }
}
