import type { ResolvedConfig } from "../config/load-config.js";
import { InputError } from "../model/exchange.js";
import type { Severity } from "../model/finding.js";
import type { GroupRule } from "../rules/group-rule.js";
import { groupRules } from "../rules/group-rules.js";
import { exchangeRules } from "../rules/index.js";
import type { Rule, RuleMeta } from "../rules/rule.js";
import { CodeTables } from "../schemas/code-tables.js";
import { SchemaRegistry } from "../schemas/schema-registry.js";
import type { HostMapping } from "../types/generated/config.js";

export interface ActiveRule {
  rule: Rule;
  /** The configured severity, which overrides the severity a finding asks for. */
  configured: Severity | undefined;
}

export interface ConfiguredGroupRule {
  rule: GroupRule;
  /** The configured severity (as ActiveRule's); "off" leaves the groups unjudged. */
  configured: Severity | "off" | undefined;
}

/** Everything loaded once per process: compiled schemas, code tables and the rules in force. */
export interface Engine {
  schemas: SchemaRegistry;
  codes: CodeTables;
  /** Every rule's metadata, once per id: the single-exchange rules, then the group rules. */
  rules: readonly { meta: RuleMeta }[];
  /** The single-exchange rules in force, in report order. */
  active: readonly ActiveRule[];
  /** Every group rule, turned off or not (an exchange that one of them judges alone stays its own). */
  groups: readonly ConfiguredGroupRule[];
  /** The severity in force for a rule id, "off" when the configuration turned it off. */
  severityOf(id: string): Severity | "off";
  hosts: readonly HostMapping[];
  maxDepth: number;
}

export async function createEngine(
  config: Pick<ResolvedConfig, "rules" | "hosts" | "maxDepth"> &
    Partial<Pick<ResolvedConfig, "actionSchemas">> & { file?: string | undefined },
): Promise<Engine> {
  const rules = [...exchangeRules, ...groupRules].filter(
    (rule, index, all) => all.findIndex((r) => r.meta.id === rule.meta.id) === index,
  );
  const known = new Set(rules.map((r) => r.meta.id));
  const unknown = Object.keys(config.rules).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new InputError(
      config.file ?? "configuration",
      `unknown rule id(s) in "rules": ${unknown.join(", ")} (known: ${[...known].join(", ")})`,
    );
  }
  const [schemas, codes] = await Promise.all([
    SchemaRegistry.load(undefined, config.actionSchemas),
    CodeTables.load(),
  ]);
  // A rule that is off by default runs only when the configuration gives it a severity.
  const inForce = (meta: RuleMeta) =>
    config.rules[meta.id] === undefined ? !meta.offByDefault : config.rules[meta.id] !== "off";
  const active = exchangeRules
    .filter((rule) => inForce(rule.meta))
    .map((rule) => ({ rule, configured: config.rules[rule.meta.id] as Severity | undefined }));
  const groups = groupRules.map((rule) => ({ rule, configured: config.rules[rule.meta.id] }));
  const severityOf = (id: string): Severity | "off" => {
    const configured = config.rules[id];
    if (configured !== undefined) return configured;
    const meta = rules.find((r) => r.meta.id === id)?.meta;
    return meta && !meta.offByDefault ? meta.severity : "off";
  };
  return {
    schemas,
    codes,
    rules: rules.map(({ meta }) => ({ meta })),
    active,
    groups,
    severityOf,
    hosts: config.hosts,
    maxDepth: config.maxDepth,
  };
}
