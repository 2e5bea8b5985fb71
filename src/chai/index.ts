// The package's "./chai" entry: `import conformance from "cloud-envelope-conformance/chai"; chai.use(conformance)`.
import { type Checker, createChecker } from "../api/checker.js";
import { conformancePlugin } from "./plugin.js";

export type { ChaiLike, ConformancePlugin, ConformTarget } from "./plugin.js";
export { conformancePlugin, violationMessage } from "./plugin.js";

/** The configuration cannot be read: every assertion says why, rather than the import failing. */
function brokenChecker(error: unknown): Checker {
  const fail = (): never => {
    throw error;
  };
  return { check: fail, checkAll: fail, rules: [] };
}

/**
 * The plugin with the CLI's default configuration: conformance.config.json in the working directory when
 * there is one, else the defaults. Loaded once, when this module is imported (top-level await), so that
 * the assertions are synchronous. For another configuration: `conformancePlugin(await createChecker({ config }))`.
 */
export const conformance = conformancePlugin(await createChecker().catch(brokenChecker));

export default conformance;
