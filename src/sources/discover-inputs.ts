import type { Dirent, Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/exchange.js";
import type { InputFile, RecordingFormat } from "./input-file.js";
import { toInputError } from "./read-error.js";
import { sniffFileFormat } from "./sniff-format.js";

export type { InputFile } from "./input-file.js";

const FORMAT_BY_EXTENSION: Record<string, RecordingFormat> = {
  ".har": "har",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
};

function formatByExtension(file: string): RecordingFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
}

export interface DiscoverOptions {
  /**
   * Called with the InputError of a path that cannot be used (missing, unreadable, a folder without
   * recordings, a recording in a folder that cannot be read or is not a regular file); discovery then goes
   * on with everything else. Without it, the first such error is thrown.
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
 *
 * Nothing here opens a FIFO (that would wait for a writer): one named on the command line is listed, and
 * its reader waits for the writer, interruptibly; one found in a folder is an input error, and not opened.
 */
export async function discoverInputs(
  paths: readonly string[],
  options: DiscoverOptions = {},
): Promise<InputFile[]> {
  const report =
    options.onInputError ??
    ((error: InputError): never => {
      throw error;
    });
  const found: InputFile[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let inputs: InputFile[];
    try {
      inputs = await inputsAt(given, report);
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

/** The error for `file`, from a failed file-system call; errors that are not the file system's are thrown. */
function inputErrorOf(file: string, error: unknown): InputError {
  const inputError = toInputError(file, error);
  if (inputError instanceof InputError) return inputError;
  throw inputError;
}

async function inputsAt(given: string, report: (error: InputError) => void): Promise<InputFile[]> {
  let kind: Stats;
  try {
    kind = await stat(given);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new InputError(given, "no such file or folder");
    throw inputErrorOf(given, error);
  }
  if (kind.isDirectory()) {
    const walk: FolderWalk = { files: [], errors: 0, report };
    await walkFolder(given, walk);
    if (walk.files.length === 0 && walk.errors === 0)
      throw new InputError(given, "no .har, .ndjson or .jsonl files in folder");
    return walk.files;
  }
  if (kind.isSocket()) throw new InputError(given, "cannot read: a socket, not a file");
  // A FIFO, a pipe or a device can be read only once: its reader decides the format as it reads.
  const format = formatByExtension(given) ?? (kind.isFile() ? await sniffFileFormat(given) : "sniff");
  return [{ file: given, format }];
}

interface FolderWalk {
  files: InputFile[];
  /** Paths under the folder that were reported as input errors. */
  errors: number;
  report: (error: InputError) => void;
}

/**
 * Adds the recordings under `folder` to `walk`. A path that cannot be read (a subfolder that cannot be
 * listed, a broken symbolic link with a recording's name) is reported and the walk goes on with the rest.
 */
async function walkFolder(folder: string, walk: FolderWalk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    walk.errors++;
    walk.report(inputErrorOf(folder, error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      await walkFolder(file, walk);
      continue;
    }
    const format = formatByExtension(entry.name);
    if (!format) continue;
    const verdict = await recordingVerdict(file, entry);
    if (verdict === "read") walk.files.push({ file, format });
    else if (verdict instanceof InputError) {
      walk.errors++;
      walk.report(verdict);
    }
  }
}

/**
 * Whether a folder entry with a recording's name is read: a regular file (or a symbolic link to one) is;
 * a symbolic link to a folder is not followed; anything else is an input error, and is not opened.
 */
async function recordingVerdict(file: string, entry: Dirent): Promise<"read" | "ignore" | InputError> {
  if (entry.isFile()) return "read";
  let kind: Dirent | Stats = entry;
  if (entry.isSymbolicLink()) {
    try {
      kind = await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return new InputError(file, "cannot read: a broken symbolic link (what it points to does not exist)");
      return inputErrorOf(file, error);
    }
    if (kind.isFile()) return "read";
    if (kind.isDirectory()) return "ignore";
  }
  const hint = kind.isSocket() ? "" : " (name it on the command line to read it)";
  return new InputError(
    file,
    `not read: it is ${describeKind(kind)}; only regular files are read from a folder${hint}`,
  );
}

function describeKind(kind: Dirent | Stats): string {
  if (kind.isFIFO()) return "a FIFO (named pipe)";
  if (kind.isSocket()) return "a socket";
  if (kind.isCharacterDevice()) return "a character device";
  if (kind.isBlockDevice()) return "a block device";
  return "something else";
}
