import { InputError, type SourceItem } from "../model/exchange.js";
import { maxEntryTextLength, oversizedEntryReason } from "./body-size-limit.js";
import { type EntryItem, parsedItems } from "./entry-item.js";
import { HarEntryScanner, type HarScanEvent } from "./har-entry-scanner.js";
import type { ReaderOptions } from "./reader-options.js";
import { readTextChunks } from "./text-chunks.js";

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
export function harItems(
  file: string,
  chunks: AsyncIterable<string>,
  options: ReaderOptions,
): AsyncGenerator<SourceItem> {
  return parsedItems(harEntries(file, chunks, options), options.maxBodyBytes);
}

/** The entries of a HAR text as their texts, unparsed (harItems parses them; a worker may instead). */
export async function* harEntries(
  file: string,
  chunks: AsyncIterable<string>,
  options: ReaderOptions,
): AsyncGenerator<EntryItem> {
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
function toSourceItem(event: HarScanEvent, file: string, options: ReaderOptions): EntryItem | undefined {
  if (event.type === "error") throw new InputError(file, event.message, event.index);
  options.ordinals?.count();
  if (event.type === "unkept-entry") return undefined;
  const source = { file, index: event.index };
  if (event.type === "oversized-entry") {
    return { kind: "unreadable", source, reason: oversizedEntryReason(event.length, options.maxBodyBytes) };
  }
  return { kind: "entry", format: "har", text: event.text, source, offset: event.offset };
}
