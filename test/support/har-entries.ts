import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../src/project-paths.js";

/** How many entries the HAR file, or the HAR files of the folder, at `location` (from the package root) hold. */
export function harEntries(location: string): number {
  const full = path.join(packageRoot, location);
  const files = statSync(full).isDirectory()
    ? readdirSync(full)
        .filter((name) => name.endsWith(".har"))
        .map((name) => path.join(full, name))
    : [full];
  return files.reduce((n, file) => n + JSON.parse(readFileSync(file, "utf8")).log.entries.length, 0);
}
