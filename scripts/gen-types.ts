// Regenerates src/types/generated/ from schemas/ (npm run gen:types); `--check` only reports stale files.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { generatedDir, generateTypeFiles, projectRoot } from "./type-generation.js";

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const check = process.argv.includes("--check");
const wanted = await generateTypeFiles();
const stale: string[] = [];
for (const [file, content] of wanted) {
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current === content) continue;
  stale.push(file);
  if (!check) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
for (const file of await listFiles(generatedDir)) {
  if (wanted.has(file)) continue;
  stale.push(file);
  if (!check) await rm(file);
}
const names = stale.map((f) => path.relative(projectRoot, f));
if (check && names.length > 0) {
  console.error(`stale generated types (run npm run gen:types):\n  ${names.join("\n  ")}`);
  process.exit(1);
}
console.log(
  names.length ? `updated ${names.length} file(s):\n  ${names.join("\n  ")}` : "types are up to date",
);
