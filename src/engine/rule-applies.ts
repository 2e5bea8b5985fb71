import type { RuleContext, RuleMeta } from "../rules/rule.js";

/**
 * Whether a rule speaks to this exchange at all: its dialect, and what the rule needs (a decoded body, a
 * success or error envelope). A rule that does not apply leaves no verdict.
 */
export function ruleApplies(meta: Pick<RuleMeta, "dialects" | "needs">, context: RuleContext): boolean {
  if (!meta.dialects.includes(context.identity.dialect)) return false;
  if (meta.needs !== "response" && !context.decoded.ok) return false;
  if (meta.needs === "envelope" && context.outcome === "unknown") return false;
  return true;
}
