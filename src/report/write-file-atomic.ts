import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes through a temporary file and a rename, so a crash never leaves half a report. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
