import { readFileSync, writeFileSync } from "node:fs";
import { STATES } from "./provider-states.js";

/** Sorts an object's keys recursively (arrays keep their order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/**
 * Makes a written pact byte-stable: interactions sorted by description (those that need "requests are
 * throttled" last, so that a verifier drains a rate limit only after the interactions that need it), keys sorted, the library
 * versions pact-js records in `metadata` dropped (they change with every upgrade, not with the contract;
 * the pact specification version stays), two-space JSON with a final newline.
 */
export function normalizePactFile(file: string): void {
  const pact = JSON.parse(readFileSync(file, "utf8")) as {
    interactions: { description: string; providerStates?: { name: string }[] }[];
    metadata?: Record<string, unknown>;
  };
  const throttled = (i: { providerStates?: { name: string }[] }) =>
    i.providerStates?.some((s) => s.name === STATES.throttled) ? 1 : 0;
  pact.interactions.sort(
    (a, b) =>
      throttled(a) - throttled(b) ||
      (a.description < b.description ? -1 : a.description > b.description ? 1 : 0),
  );
  if (pact.metadata) {
    delete pact.metadata["pact-js"];
    delete pact.metadata.pactRust;
  }
  writeFileSync(file, `${JSON.stringify(sortKeys(pact), null, 2)}\n`);
}
