// Regenerates src/providers/generated/ (npm run gen:providers); `--check` only reports stale files.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  productIndexFile,
  renderProductIndex,
  renderSandboxIndex,
  sandboxIndexFile,
} from "./provider-index.js";
import { projectRoot } from "./type-generation.js";

const check = process.argv.includes("--check");
const stale: string[] = [];
for (const [file, wanted] of [
  [productIndexFile, renderProductIndex()],
  [sandboxIndexFile, renderSandboxIndex()],
] as const) {
  if ((await readFile(file, "utf8").catch(() => undefined)) === wanted) continue;
  stale.push(path.relative(projectRoot, file));
  if (!check) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, wanted);
  }
}
if (check && stale.length > 0) {
  console.error(`stale (run npm run gen:providers):\n  ${stale.join("\n  ")}`);
  process.exit(1);
}
console.log(stale.length ? `updated:\n  ${stale.join("\n  ")}` : "provider indexes are up to date");
