import { createEngine, type Engine } from "../../src/engine/engine.js";

let engine: Promise<Engine> | undefined;

/** One engine (schemas compiled once) for every test in the process, as in a real run. */
export function sharedEngine(): Promise<Engine> {
  engine ??= createEngine({ rules: {}, hosts: [], maxDepth: 256 });
  return engine;
}
