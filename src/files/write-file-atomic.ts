import { rmSync } from "node:fs";
import * as fs from "node:fs/promises";
import path from "node:path";
import { getSystemErrorMap } from "node:util";

/** A file that could not be written: "cannot write reports/conformance.json: no space left on device". */
export class FileWriteError extends Error {
  constructor(
    readonly file: string,
    /** The fs error, or the reason in words. */
    reason: unknown,
  ) {
    super(`cannot write ${file}: ${describeReason(reason)}`, { cause: reason });
    this.name = "FileWriteError";
  }
}

/** The system's own words for an fs error ("no space left on device"), else its message. */
function describeReason(reason: unknown): string {
  if (typeof reason === "string") return reason;
  const { errno, message } = (reason ?? {}) as NodeJS.ErrnoException;
  const known = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
  return known ?? message ?? String(reason);
}

const pending = new Set<string>();

function removePending(): void {
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
    } catch {
      // The process is exiting: nothing more can be done about it.
    }
  }
}

/**
 * Keeps `file` (a temporary file being written) on a list that process.exit() removes from disk, so a
 * forced exit (a second Ctrl-C or SIGTERM) leaves no temporary file behind. The returned function takes
 * it off the list once it has been renamed or removed.
 */
export function trackTemporaryFile(file: string): () => void {
  if (pending.size === 0) process.on("exit", removePending);
  pending.add(file);
  return () => {
    if (!pending.delete(file)) return;
    if (pending.size === 0) process.off("exit", removePending);
  };
}

/** The temporary file that `file` is written through. */
export function temporaryFileFor(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

/**
 * What is at `file` now (symbolic links followed). "special" is a device (/dev/stdout), a FIFO or a
 * socket: it is written in place, since renaming a temporary file onto it would replace it.
 */
export async function fileKind(file: string): Promise<"absent" | "regular" | "directory" | "special"> {
  const found = await fs.stat(file).catch(() => undefined);
  if (!found) return "absent";
  return found.isFile() ? "regular" : found.isDirectory() ? "directory" : "special";
}

/** The file system calls writeFileAtomic makes; tests replace writeFile to fail on purpose. */
export interface WriteIo {
  writeFile: (file: string, content: string) => Promise<void>;
}

const NODE_IO: WriteIo = { writeFile: (file, content) => fs.writeFile(file, content) };

/**
 * Writes through a temporary file and a rename, so a crash never leaves half a report. When the write
 * fails (a full disk, a folder where the file should be) the temporary file is removed and a
 * FileWriteError names the file and the system's reason. A device or FIFO is written in place.
 */
export async function writeFileAtomic(file: string, content: string, io: WriteIo = NODE_IO): Promise<void> {
  let temporary: string | undefined;
  let release = () => {};
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    if ((await fileKind(file)) === "special") {
      await io.writeFile(file, content);
      return;
    }
    temporary = temporaryFileFor(file);
    release = trackTemporaryFile(temporary);
    await io.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    if (temporary) await fs.rm(temporary, { force: true }).catch(() => {});
    throw new FileWriteError(file, error);
  } finally {
    release();
  }
}
