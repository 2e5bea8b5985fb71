import { checkExchange } from "../../../src/engine/check-exchange.js";
import { createEngine, type Engine } from "../../../src/engine/engine.js";
import type { Finding } from "../../../src/model/finding.js";
import { type Exchange, toRawExchange } from "./sandbox-calls.js";

let engine: Promise<Engine> | undefined;

function sharedEngine(): Promise<Engine> {
  engine ??= createEngine({ rules: {}, hosts: [], maxDepth: 256 });
  return engine;
}

/** The engine's findings on one exchange with the sandbox (it must be checked, not skipped). */
export async function findingsOf(exchange: Exchange): Promise<Finding[]> {
  const verdict = checkExchange(toRawExchange(exchange), await sharedEngine());
  if (verdict.kind !== "checked") throw new Error(`exchange skipped: ${verdict.reason}`);
  return verdict.result.findings;
}

/** Error-severity findings, as "rule: message" lines (empty when the exchange is conformant). */
export async function errorsOf(exchange: Exchange): Promise<string[]> {
  return (await findingsOf(exchange))
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule}: ${f.message}`);
}

/** The rules that reported anything (errors and warnings). */
export async function rulesTripped(exchange: Exchange): Promise<string[]> {
  return [...new Set((await findingsOf(exchange)).map((f) => f.rule))].sort();
}
