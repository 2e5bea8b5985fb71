// Regenerates docs/rules.md from the rule modules (npm run gen:docs).
import { writeFile } from "node:fs/promises";
import { renderRuleDocs, ruleDocsFile } from "./rule-docs.js";

await writeFile(ruleDocsFile, renderRuleDocs());
console.log("wrote docs/rules.md");
