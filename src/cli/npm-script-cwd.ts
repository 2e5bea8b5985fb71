import { TOOL } from "../tool.js";

/** This package's own npm scripts that run the CLI (`npm run conformance -- …`, `npm start`). */
const CLI_SCRIPTS = new Set(["conformance", "start"]);

/**
 * npm runs a package's scripts from the package root, whatever folder the user typed the command in, and
 * says where that was in INIT_CWD. When the CLI runs as one of this package's own scripts, it moves back
 * there, so that `npm run conformance -- check mytraffic.har` from a subfolder resolves every path
 * (inputs, --report-dir, --config, conformance.config.json) against the folder the user ran it from, as
 * the installed `conformance` command does. Another package's script that calls `conformance` keeps the
 * folder npm gave it (its paths are written relative to its own root).
 */
export function runFromNpmScript(env: NodeJS.ProcessEnv = process.env, chdir = process.chdir): void {
  const event = env.npm_lifecycle_event;
  const from = env.INIT_CWD;
  if (event && CLI_SCRIPTS.has(event) && env.npm_package_name === TOOL.name && from) chdir(from);
}
