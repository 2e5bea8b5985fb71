import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { generatedDir, generateTypeFiles } from "../../scripts/type-generation.js";

describe("generated types (src/types/generated)", () => {
  it("are current with schemas/: run `npm run gen:types` when this fails", async () => {
    const stale: string[] = [];
    for (const [file, content] of await generateTypeFiles()) {
      const current = await readFile(file, "utf8").catch(() => "(missing)");
      if (current !== content) stale.push(path.relative(generatedDir, file));
    }
    expect(stale, `stale: ${stale.join(", ")}`).to.deep.equal([]);
  });
});
