import type { ExchangeSource, SourceItem } from "../model/exchange.js";
import { maxEntryTextLength, oversizedLineReason } from "./body-size-limit.js";
import { type EntryItem, parsedItems } from "./entry-item.js";
import { type LineEvent, LineSplitter } from "./line-splitter.js";
import type { ReaderOptions } from "./reader-options.js";
import { readTextChunks } from "./text-chunks.js";

/**
 * Reads an NDJSON recording line by line: one exchange per line, each checked against
 * schemas/ndjson-exchange.schema.json. Blank lines are skipped but still counted, so that `index` is the
 * 0-based line number. A line that cannot become an exchange is yielded as unreadable with the reason.
 * With `options.ordinals`, every non-blank line is counted as an entry of the run (blank lines are not
 * entries) and only those the shard owns are parsed, validated and yielded; the others yield nothing.
 */
export function readNdjson(file: string, options: ReaderOptions): AsyncGenerator<SourceItem> {
  return ndjsonItems(file, readTextChunks(file, options), options);
}

/**
 * The items of an NDJSON text that arrives in `chunks` (of the file `file`, which names the items' source).
 * No line is kept beyond `maxEntryTextLength` characters: a longer one is yielded as unreadable as soon as
 * it crosses that length, and reading resumes after its end, so memory never grows with a line.
 */
export function ndjsonItems(
  file: string,
  chunks: AsyncIterable<string>,
  options: ReaderOptions,
): AsyncGenerator<SourceItem> {
  return parsedItems(ndjsonEntries(file, chunks, options), options.maxBodyBytes);
}

/** The lines of an NDJSON text as entries, unparsed (ndjsonItems parses them; a worker may instead). */
export async function* ndjsonEntries(
  file: string,
  chunks: AsyncIterable<string>,
  options: ReaderOptions,
): AsyncGenerator<EntryItem> {
  const splitter = new LineSplitter(maxEntryTextLength(options.maxBodyBytes));
  for await (const chunk of chunks) {
    for (const event of splitter.push(chunk)) {
      const item = toItem(event, file, options);
      if (item) yield item;
    }
  }
  // Interrupted: the last line read is cut short, not damaged.
  if (options.signal?.aborted) return;
  for (const event of splitter.finish()) {
    const item = toItem(event, file, options);
    if (item) yield item;
  }
}

/** The item of one line: undefined for a blank line, or for a line another shard owns. */
function toItem(event: LineEvent, file: string, options: ReaderOptions): EntryItem | undefined {
  const { maxBodyBytes, ordinals } = options;
  const source: ExchangeSource = { file, index: event.index };
  if (event.type === "oversized-line") {
    if (ordinals && !ordinals.count()) return undefined;
    // Too long to hold a body within the limit: not kept, not parsed.
    return { kind: "unreadable", source, reason: oversizedLineReason(maxBodyBytes) };
  }
  const line = event.index === 0 && event.text.startsWith("\uFEFF") ? event.text.slice(1) : event.text;
  if (line.trim() === "") return undefined;
  // Decided before the line is parsed: a line another shard owns is not parsed nor validated here.
  if (ordinals && !ordinals.count()) return undefined;
  return { kind: "entry", format: "ndjson", text: line, source };
}
