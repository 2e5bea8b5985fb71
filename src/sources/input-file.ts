/** A recorded-traffic file to read, and the reader it needs. */
export interface InputFile {
  file: string;
  format: "har" | "ndjson";
}
