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
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The default chunk size of the readers: the default highWaterMark of a file stream. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
