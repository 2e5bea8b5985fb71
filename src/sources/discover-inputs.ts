import type { Dirent } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/exchange.js";
import type { InputFile } from "./input-file.js";
import { toInputError } from "./read-error.js";

export type { InputFile } from "./input-file.js";

const FORMAT_BY_EXTENSION: Record<string, InputFile["format"]> = {
  ".har": "har",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
};

const SNIFF_BYTES = 4096;

function formatByExtension(file: string): InputFile["format"] | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
}

export interface DiscoverOptions {
  /**
   * Called with the InputError of a path that cannot be used (missing, unreadable, a folder without
   * recordings); discovery then goes on with the other paths. Without it, the first such error is thrown.
   */
  onInputError?: (error: InputError) => void;
}

/**
 * The recorded-traffic files named by `paths`, in order. A folder stands for every .har, .ndjson and .jsonl
 * file under it (recursively, sorted by name); a file is taken whatever its name, its format read from the
 * extension or, failing that, from its first bytes.
 *
 * Each file is read once, however often and however it is named (the same path twice, `./x` and `x`, a
 * file and a folder that holds it, a symbolic link to it): its identity is its real path (symbolic links
 * and `.`/`..` resolved), and it is listed where it first appears, under the name it was first given.
 */
export async function discoverInputs(
  paths: readonly string[],
  options: DiscoverOptions = {},
): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let inputs: InputFile[];
    try {
      inputs = await inputsAt(given);
    } catch (error) {
      if (!(error instanceof InputError) || !options.onInputError) throw error;
      options.onInputError(error);
      continue;
    }
    for (const input of inputs) {
      const key = await identityOf(input.file);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(input);
    }
  }
  return found;
}

/** The file's real path; its absolute path when that cannot be resolved (reading it will then say why). */
async function identityOf(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}

async function inputsAt(given: string): Promise<InputFile[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(given)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new InputError(given, "no such file or folder");
    throw toInputError(given, error);
  }
  if (!isFolder) return [{ file: given, format: formatByExtension(given) ?? (await sniffFormat(given)) }];
  const files = await recordingsInFolder(given);
  if (files.length === 0) throw new InputError(given, "no .har, .ndjson or .jsonl files in folder");
  return files;
}

async function recordingsInFolder(folder: string): Promise<InputFile[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw toInputError(folder, error);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: InputFile[] = [];
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    const format = formatByExtension(entry.name);
    if (entry.isDirectory()) files.push(...(await recordingsInFolder(file)));
    else if (format && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(file)))))
      files.push({ file, format });
  }
  return files;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** A HAR file starts with `{` and names `"log"` early on; anything else is read as NDJSON. */
async function sniffFormat(file: string): Promise<InputFile["format"]> {
  let head: string;
  try {
    const handle = await open(file);
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.toString("utf8", 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw toInputError(file, error);
  }
  const text = head.replace(/^\uFEFF/, "").trimStart();
  return text.startsWith("{") && text.includes('"log"') ? "har" : "ndjson";
}
