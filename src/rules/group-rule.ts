import type { RawExchange } from "../model/exchange.js";
import type { Outcome } from "../providers/dialect.js";
import type { FindingDraft, NOT_APPLICABLE, RuleContext, RuleMeta } from "./rule.js";

/** What a group rule says of one member: its findings, or NOT_APPLICABLE when it does not judge it. */
export type MemberJudgement = readonly FindingDraft[] | typeof NOT_APPLICABLE;

/**
 * A rule that needs several exchanges (the JSON and XML answers to one call, a probe's attempts): it says
 * which group an exchange belongs to, and judges the group once it is complete (or at the end of the
 * input), writing findings onto its members. The engine holds only the members of open groups, so a group
 * must complete soon after its members come: a rule sees its group, never the whole run (in the spirit of
 * Schemathesis's checks, whose context finds the related cases).
 *
 * An exchange a group rule groups is not judged by the single-exchange rule of the same id: the group rule
 * decides that rule's verdict on it.
 */
export interface GroupRule {
  meta: RuleMeta;
  /**
   * Exchanges this rule alone judges, with the outcome each stands for: those whose answer the source does
   * not hold (a contract's interaction, replayed and compared by Pact's Verifier). Their body is not read
   * and no other rule judges them, whether or not this rule is turned off.
   */
  judgesAlone?(exchange: RawExchange): Outcome | undefined;
  /** The group the exchange belongs to (a key unique within the run), or undefined when it concerns none. */
  groupOf(member: RuleContext): string | undefined;
  /** Whether no member will follow those seen so far (in the order they came): the group is judged now. */
  isComplete(members: readonly RuleContext[]): boolean;
  /** One judgement per member, in the members' order. */
  judge(members: readonly RuleContext[]): readonly MemberJudgement[];
}
