/** The two recording formats: HAR 1.2, and the project's NDJSON (docs/inputs.md). */
export type RecordingFormat = "har" | "ndjson";

/** A recorded-traffic file to read, and the reader it needs. */
export interface InputFile {
  file: string;
  /**
   * The reader to use; `sniff` when the name does not say and the file cannot be read twice (a FIFO, a
   * pipe, a device): the format is then decided from the first 4 KB as they are read.
   */
  format: RecordingFormat | "sniff";
}
