#!/usr/bin/env node
// Installs the Ctrl-C handler before the rest of the CLI is loaded (see interruption.ts).
import "./interruption.js";

const { runFromNpmScript } = await import("./npm-script-cwd.js");
runFromNpmScript();
const { main } = await import("./main.js");
process.exitCode = await main(process.argv.slice(2));
