import type { SourceItem } from "../model/exchange.js";
import { type EntryItem, parsedItems } from "./entry-item.js";
import { harEntries, readHar } from "./har-reader.js";
import type { InputFile } from "./input-file.js";
import { ndjsonEntries, readNdjson } from "./ndjson-reader.js";
import type { ReaderOptions } from "./reader-options.js";
import { sniffChunks } from "./sniff-format.js";
import { readTextChunks } from "./text-chunks.js";

/** Every entry of every file, file after file, each read by the reader of its format. */
export async function* readInputs(files: InputFile[], options: ReaderOptions): AsyncGenerator<SourceItem> {
  for (const { file, format } of files) {
    if (options.signal?.aborted) return;
    if (format === "har") yield* readHar(file, options);
    else if (format === "ndjson") yield* readNdjson(file, options);
    else yield* parsedItems(readSniffed(file, options), options.maxBodyBytes);
  }
}

/**
 * The same entries, unparsed (src/sources/entry-item.ts): for a reader that hands the parsing to worker
 * threads. Whole-file errors throw as readInputs' do.
 */
export async function* readInputEntries(
  files: InputFile[],
  options: ReaderOptions,
): AsyncGenerator<EntryItem> {
  for (const { file, format } of files) {
    if (options.signal?.aborted) return;
    const chunks = () => readTextChunks(file, options);
    if (format === "har") yield* harEntries(file, chunks(), options);
    else if (format === "ndjson") yield* ndjsonEntries(file, chunks(), options);
    else yield* readSniffed(file, options);
  }
}

/** A file that can be read only once: its first 4 KB decide the reader, which then gets them too. */
async function* readSniffed(file: string, options: ReaderOptions): AsyncGenerator<EntryItem> {
  const { format, chunks } = await sniffChunks(readTextChunks(file, options));
  yield* format === "har" ? harEntries(file, chunks, options) : ndjsonEntries(file, chunks, options);
}
