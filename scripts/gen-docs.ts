// Regenerates docs/rules.md and docs/probes.md from the code (npm run gen:docs).
import { writeFile } from "node:fs/promises";
import { probeDocsFile, renderProbeDocs } from "./probe-docs.js";
import { renderRuleDocs, ruleDocsFile } from "./rule-docs.js";

await writeFile(ruleDocsFile, renderRuleDocs());
await writeFile(probeDocsFile, renderProbeDocs());
console.log("wrote docs/rules.md and docs/probes.md");
