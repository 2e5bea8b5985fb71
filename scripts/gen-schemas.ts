// Regenerates the action schemas (schemas/DIALECT/actions/PRODUCT/VERSION.actions.json) from the providers'
// descriptions in ../shared/corpus (npm run gen:schemas); `--check` only reports stale or extra files.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  generatedActionSchemas,
  hasCorpus,
  isGeneratedActionFile,
} from "./schema-generation/action-schemas.js";
import { projectRoot, schemasDir } from "./type-generation.js";

if (!hasCorpus()) {
  console.error("gen:schemas: ../shared/corpus is not beside the project: nothing to generate from");
  process.exit(2);
}
const check = process.argv.includes("--check");
const started = performance.now();
const wanted = generatedActionSchemas();
const generatedMs = performance.now() - started;
const stale: string[] = [];
for (const [file, text] of wanted) {
  if ((await readFile(file, "utf8").catch(() => undefined)) === text) continue;
  stale.push(file);
  if (!check) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}
const present = (await readdir(schemasDir, { recursive: true }))
  .map((name) => path.join(schemasDir, name))
  .filter(isGeneratedActionFile);
for (const file of present) {
  if (wanted.has(file)) continue;
  stale.push(file);
  if (!check) await rm(file);
}
const names = stale.map((f) => path.relative(projectRoot, f));
if (check && names.length > 0) {
  console.error(`stale action schemas (run npm run gen:schemas):\n  ${names.join("\n  ")}`);
  process.exit(1);
}
const bytes = [...wanted.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
console.log(
  `${wanted.size} documents (${(bytes / 1e6).toFixed(1)} MB) generated in ${Math.round(generatedMs)} ms; ${names.length ? `updated ${names.length}` : "all up to date"}`,
);
