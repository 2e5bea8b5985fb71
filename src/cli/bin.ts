#!/usr/bin/env node
// The stop-signal handlers go in before the rest of the CLI is loaded (see interruption.ts).
import { listenForStopSignals } from "./interruption.js";

listenForStopSignals();
const { runFromNpmScript } = await import("./npm-script-cwd.js");
runFromNpmScript();
const { main } = await import("./main.js");
process.exitCode = await main(process.argv.slice(2));
