import type { Finding, Severity } from "../model/finding.js";
import type { FindingDraft, RuleMeta } from "../rules/rule.js";

export type RuleVerdict = "pass" | "fail" | "warn";

/**
 * The one place a rule's judgement of one exchange is decided: each finding's severity is the configured
 * one, else the one the finding asks for, else the rule's; the rule fails the exchange when any finding is
 * an error, warns when there are only warnings, and passes it when there are none.
 */
export function ruleJudgement(
  meta: Pick<RuleMeta, "id" | "severity">,
  configured: Severity | undefined,
  drafts: readonly FindingDraft[],
): { findings: Finding[]; verdict: RuleVerdict } {
  const findings = drafts.map(
    (draft): Finding => ({
      ...draft,
      rule: meta.id,
      severity: configured ?? draft.severity ?? meta.severity,
    }),
  );
  const verdict = findings.some((f) => f.severity === "error")
    ? "fail"
    : findings.length > 0
      ? "warn"
      : "pass";
  return { findings, verdict };
}
