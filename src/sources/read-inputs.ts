import type { SourceItem } from "../model/exchange.js";
import { readHar } from "./har-reader.js";
import type { InputFile } from "./input-file.js";
import { readNdjson } from "./ndjson-reader.js";
import type { ReaderOptions } from "./reader-options.js";

/** Every entry of every file, file after file, each read by the reader of its format. */
export async function* readInputs(files: InputFile[], options: ReaderOptions): AsyncGenerator<SourceItem> {
  for (const { file, format } of files) {
    yield* format === "har" ? readHar(file, options) : readNdjson(file, options);
  }
}
