import type { ResolvedConfig } from "../config/load-config.js";
import type { Severity } from "../model/finding.js";
import { exchangeRules } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import { CodeTables } from "../schemas/code-tables.js";
import { SchemaRegistry } from "../schemas/schema-registry.js";
import type { HostMapping } from "../types/generated/config.js";

export interface ActiveRule {
  rule: Rule;
  /** The configured severity, which overrides the severity a finding asks for. */
  configured: Severity | undefined;
}

/** Everything loaded once per process: compiled schemas, code tables and the rules in force. */
export interface Engine {
  schemas: SchemaRegistry;
  codes: CodeTables;
  rules: readonly Rule[];
  active: readonly ActiveRule[];
  hosts: readonly HostMapping[];
  maxDepth: number;
}

export async function createEngine(
  config: Pick<ResolvedConfig, "rules" | "hosts" | "maxDepth">,
): Promise<Engine> {
  const known = new Set(exchangeRules.map((r) => r.meta.id));
  const unknown = Object.keys(config.rules).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `unknown rule id(s) in configuration: ${unknown.join(", ")} (known: ${[...known].join(", ")})`,
    );
  }
  const [schemas, codes] = await Promise.all([SchemaRegistry.load(), CodeTables.load()]);
  const active = exchangeRules
    .filter((rule) => config.rules[rule.meta.id] !== "off")
    .map((rule) => ({ rule, configured: config.rules[rule.meta.id] as Severity | undefined }));
  return { schemas, codes, rules: exchangeRules, active, hosts: config.hosts, maxDepth: config.maxDepth };
}
