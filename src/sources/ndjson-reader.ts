import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { ExchangeSource, SourceItem } from "../model/exchange.js";
import { maxEntryTextLength, oversizedEntryReason } from "./body-size-limit.js";
import { ndjsonLineToExchange } from "./ndjson-line.js";
import { toInputError } from "./read-error.js";
import { DEFAULT_CHUNK_SIZE, type ReaderOptions } from "./reader-options.js";
import { UnreadableEntryError } from "./unreadable-entry-error.js";

/** The lines of a UTF-8 file (LF or CRLF), one at a time; read failures become InputErrors. */
async function* readLines(file: string, chunkSize: number): AsyncGenerator<string> {
  const input = createReadStream(file, { encoding: "utf8", highWaterMark: chunkSize });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await lines.next();
      } catch (error) {
        throw toInputError(file, error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Closes the file when the reader stops early.
    input.destroy();
  }
}

/**
 * Reads an NDJSON recording line by line: one exchange per line, each checked against
 * schemas/ndjson-exchange.schema.json. Blank lines are skipped but still counted, so that `index` is the
 * 0-based line number. A line that cannot become an exchange is yielded as unreadable with the reason.
 */
export async function* readNdjson(file: string, options: ReaderOptions): AsyncGenerator<SourceItem> {
  let index = -1;
  for await (const rawLine of readLines(file, options.chunkSize ?? DEFAULT_CHUNK_SIZE)) {
    index++;
    const line = index === 0 && rawLine.startsWith("\uFEFF") ? rawLine.slice(1) : rawLine;
    if (line.trim() === "") continue;
    yield lineToItem(line, { file, index }, options.maxBodyBytes);
  }
}

function lineToItem(line: string, source: ExchangeSource, maxBodyBytes: number): SourceItem {
  if (line.length > maxEntryTextLength(maxBodyBytes)) {
    // Too long to hold a body within the limit: not worth parsing.
    return { kind: "unreadable", source, reason: oversizedEntryReason("line", line.length, maxBodyBytes) };
  }
  try {
    return { kind: "exchange", exchange: ndjsonLineToExchange(line, source, maxBodyBytes) };
  } catch (error) {
    if (error instanceof UnreadableEntryError) return { kind: "unreadable", source, reason: error.reason };
    throw error;
  }
}
