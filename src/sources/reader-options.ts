import type { EntryOrdinals } from "./entry-ordinals.js";

/** How the HAR and NDJSON readers treat what they read. */
export interface ReaderOptions {
  /** Largest request or response body, in decoded UTF-8 bytes, that is read; a larger one is skipped. */
  maxBodyBytes: number;
  /** Size of the chunks read from disk (the stream's highWaterMark); tests make it tiny. */
  chunkSize?: number | undefined;
  /**
   * Stops reading when aborted (Ctrl-C): the reader closes the file and ends quietly, without yielding the
   * entry it was in the middle of, even while it waits for a FIFO's writer or for a terminal's next line.
   */
  signal?: AbortSignal | undefined;
  /**
   * `--shard i/n`: the run's running count of entries (one per run, shared by the readers of all its files,
   * read one after another). Each reader counts its entries as it finds their boundaries and reads only
   * those the shard owns; an entry another shard owns is neither parsed nor validated, and yields nothing.
   * Without it, every entry is read.
   */
  ordinals?: EntryOrdinals | undefined;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The default chunk size of the readers: the default highWaterMark of a file stream. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
