import { loadConfig } from "../config/load-config.js";
import { InputError } from "../model/exchange.js";
import { groupRules } from "../rules/group-rules.js";
import { exchangeRules } from "../rules/index.js";
import type { RuleMeta } from "../rules/rule.js";
import type { RuleSeverities } from "../types/generated/config.js";
import { EXIT_CONFORMANT } from "./exit-codes.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { RULES_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

/** One rule as `conformance rules` lists it (the JSON form is an array of these). */
export interface RuleListing {
  id: string;
  /** The severity in force: the configuration's, else the rule's own; "off" when it does not run. */
  severity: "error" | "warning" | "off";
  /** The rule's own severity when on. */
  defaultSeverity: "error" | "warning";
  /** Whether it runs without a configuration. */
  onByDefault: boolean;
  /** Whether the configuration file set its severity. */
  configured: boolean;
  dialects: string[];
  description: string;
  source: { document: string; quote: string };
}

/** Every rule's metadata, once per id, in report order: the engine's list (src/engine/engine.ts). */
export function allRuleMetas(): RuleMeta[] {
  const metas: RuleMeta[] = [];
  for (const { meta } of [...exchangeRules, ...groupRules])
    if (!metas.some((m) => m.id === meta.id)) metas.push(meta);
  return metas;
}

/** The rules with the configuration's severities applied; an unknown id in it is an input error, as in a run. */
export function listRules(severities: RuleSeverities = {}, configFile?: string): RuleListing[] {
  const metas = allRuleMetas();
  const unknown = Object.keys(severities).filter((id) => !metas.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new InputError(
      configFile ?? "configuration",
      `unknown rule id(s) in "rules": ${unknown.join(", ")} (known: ${metas.map((m) => m.id).join(", ")})`,
    );
  }
  return metas.map((meta) => {
    const configured = severities[meta.id];
    return {
      id: meta.id,
      severity: configured ?? (meta.offByDefault ? "off" : meta.severity),
      defaultSeverity: meta.severity,
      onByDefault: !meta.offByDefault,
      configured: configured !== undefined,
      dialects: [...meta.dialects],
      description: meta.description,
      source: { ...meta.source },
    };
  });
}

/** A plain table: one rule a line, columns padded; the source document last (it is the longest). */
export function renderRulesTable(rules: readonly RuleListing[]): string {
  const rows = [
    ["RULE", "SEVERITY", "DEFAULT", "DIALECTS", "SOURCE"],
    ...rules.map((r) => [
      r.id,
      `${r.severity}${r.configured ? " (config)" : ""}`,
      r.onByDefault ? r.defaultSeverity : `off (${r.defaultSeverity} when on)`,
      r.dialects.join(","),
      r.source.document,
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map(
      (row) =>
        `${row
          .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
          .join("  ")}\n`,
    )
    .join("");
}

export async function rulesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("rules", argv, {
    json: { type: "boolean", default: false },
    config: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    process.stdout.write(RULES_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0) throw new UsageError(`rules takes no arguments (got ${positionals.join(" ")})`);
  const config = await loadConfig(values.config);
  const rules = listRules(config.rules, config.file);
  process.stdout.write(values.json ? `${JSON.stringify(rules, null, 2)}\n` : renderRulesTable(rules));
  return EXIT_CONFORMANT;
}
