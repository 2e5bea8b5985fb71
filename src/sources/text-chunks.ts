import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { toInputError } from "./read-error.js";
import { DEFAULT_CHUNK_SIZE } from "./reader-options.js";

/**
 * The text of a UTF-8 file, chunk by chunk. StringDecoder holds back a multi-byte character split
 * between two reads, so no chunk ends in half a character. Read failures become InputErrors.
 */
export async function* readTextChunks(file: string, chunkSize = DEFAULT_CHUNK_SIZE): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  const stream = createReadStream(file, { highWaterMark: chunkSize });
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw toInputError(file, error);
      }
      if (next.done) break;
      yield decoder.write(next.value);
    }
  } finally {
    // Closes the file when the reader stops early.
    stream.destroy();
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}
