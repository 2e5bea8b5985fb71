import type { SourceItem } from "../model/exchange.js";
import { harItems, readHar } from "./har-reader.js";
import type { InputFile } from "./input-file.js";
import { ndjsonItems, readNdjson } from "./ndjson-reader.js";
import type { ReaderOptions } from "./reader-options.js";
import { sniffChunks } from "./sniff-format.js";
import { readTextChunks } from "./text-chunks.js";

/** Every entry of every file, file after file, each read by the reader of its format. */
export async function* readInputs(files: InputFile[], options: ReaderOptions): AsyncGenerator<SourceItem> {
  for (const { file, format } of files) {
    if (options.signal?.aborted) return;
    if (format === "har") yield* readHar(file, options);
    else if (format === "ndjson") yield* readNdjson(file, options);
    else yield* readSniffed(file, options);
  }
}

/** A file that can be read only once: its first 4 KB decide the reader, which then gets them too. */
async function* readSniffed(file: string, options: ReaderOptions): AsyncGenerator<SourceItem> {
  const { format, chunks } = await sniffChunks(readTextChunks(file, options));
  yield* format === "har" ? harItems(file, chunks, options) : ndjsonItems(file, chunks, options);
}
