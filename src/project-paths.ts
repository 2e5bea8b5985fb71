import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's own folder (holds schemas/ and recordings/), whether running from src/ or dist/src/. */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json")) || !existsSync(path.join(dir, "schemas"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the conformance package root above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const schemasDir = path.join(packageRoot, "schemas");
export const recordingsDir = path.join(packageRoot, "recordings");
