import { InputError } from "../model/exchange.js";

/** Turns an error from the file system into the InputError for `file`; other errors are returned as they are. */
export function toInputError(file: string, error: unknown): unknown {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  // "ENOENT: no such file or directory, open 'x'" → "ENOENT: no such file or directory": the path is
  // already at the front of every InputError.
  const message = (error as Error).message.replace(/, \w+ '.*'$/s, "");
  return new InputError(file, `cannot read: ${message.startsWith(code) ? message : `${code}: ${message}`}`);
}
