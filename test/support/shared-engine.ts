import { createEngine, type Engine } from "../../src/engine/engine.js";

const engines = new Map<string, Promise<Engine>>();

/**
 * One engine (schemas compiled once) for every test in the process, as in a real run; `turnedOn` names a
 * rule that is off by default, for an engine of its own that runs it at its documented severity.
 */
export function sharedEngine(turnedOn?: { id: string; severity: "error" | "warning" }): Promise<Engine> {
  const key = turnedOn?.id ?? "";
  let engine = engines.get(key);
  if (!engine) {
    const rules = turnedOn ? { [turnedOn.id]: turnedOn.severity } : {};
    engine = createEngine({ rules, hosts: [], maxDepth: 256 });
    engines.set(key, engine);
  }
  return engine;
}
