// Regenerates docs/rules.md, docs/probes.md and docs/products.md from the code (npm run gen:docs).
import { writeFile } from "node:fs/promises";
import { probeDocsFile, productDocsFile, renderProbeDocs, renderProductDocs } from "./probe-docs.js";
import { renderRuleDocs, ruleDocsFile } from "./rule-docs.js";

await writeFile(ruleDocsFile, renderRuleDocs());
await writeFile(probeDocsFile, renderProbeDocs());
await writeFile(productDocsFile, renderProductDocs());
console.log("wrote docs/rules.md, docs/probes.md and docs/products.md");
