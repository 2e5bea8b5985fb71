import { close, constants, createReadStream, open } from "node:fs";
import { stat } from "node:fs/promises";
import { Socket } from "node:net";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { isatty, ReadStream as TerminalReadStream } from "node:tty";
import { promisify } from "node:util";
import { InputError } from "../model/exchange.js";
import { toInputError } from "./read-error.js";
import { DEFAULT_CHUNK_SIZE, type ReaderOptions } from "./reader-options.js";

const openDescriptor = promisify(open);
const closeDescriptor = promisify(close);

/**
 * A readable stream of the file's bytes, whatever kind of file it is:
 *
 * - a FIFO (a named pipe, or a pipe such as `/dev/stdin` or the `/dev/fd/63` of a shell's `<(…)`) is opened
 *   with O_NONBLOCK, which returns at once even when no writer has opened it yet, and read through the event
 *   loop (net.Socket, epoll). A plain open() would wait for a writer inside libuv's threadpool, where nothing
 *   can interrupt it: not Ctrl-C, not even process.exit(), which waits for the threadpool's threads.
 * - a terminal is read the same way (tty.ReadStream), so that Ctrl-C does not wait for the next line;
 * - anything else (a regular file, a device such as /dev/zero) through a file stream.
 */
async function openStream(file: string, chunkSize: number): Promise<Readable> {
  const kind = await stat(file);
  if (kind.isSocket()) throw new InputError(file, "cannot read: a socket, not a file");
  if (kind.isFIFO() || kind.isCharacterDevice()) {
    const fd = await openDescriptor(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (kind.isFIFO()) return new Socket({ fd, readable: true, writable: false });
      if (isatty(fd)) return new TerminalReadStream(fd);
    } catch (error) {
      await closeDescriptor(fd);
      throw error;
    }
    // Other devices do not wait for anyone (/dev/zero, /dev/null, /dev/urandom): read them as files.
    await closeDescriptor(fd);
  }
  return createReadStream(file, { highWaterMark: chunkSize });
}

/**
 * The text of a UTF-8 file, chunk by chunk. StringDecoder holds back a multi-byte character split between two
 * reads, so no chunk ends in half a character. Read failures become InputErrors. When `signal` aborts, the
 * file is closed and the chunks end, at once, even while a FIFO waits for its writer.
 */
export async function* readTextChunks(
  file: string,
  { chunkSize = DEFAULT_CHUNK_SIZE, signal }: Pick<ReaderOptions, "chunkSize" | "signal"> = {},
): AsyncGenerator<string> {
  if (signal?.aborted) return;
  let stream: Readable;
  try {
    stream = await openStream(file, chunkSize);
  } catch (error) {
    throw toInputError(file, error);
  }
  const stop = (): void => {
    stream.destroy();
  };
  signal?.addEventListener("abort", stop, { once: true });
  const decoder = new StringDecoder("utf8");
  const chunks: AsyncIterator<Buffer> = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (signal?.aborted) return;
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        if (signal?.aborted) return;
        throw toInputError(file, error);
      }
      if (signal?.aborted) return;
      if (next.done) break;
      const text = decoder.write(next.value);
      if (text.length > 0) yield text;
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    // Closes the file when the reader stops early.
    stream.destroy();
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}
