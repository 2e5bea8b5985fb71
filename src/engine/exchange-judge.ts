import type { RawExchange } from "../model/exchange.js";
import type { Outcome } from "../providers/dialect.js";
import type { RuleContext } from "../rules/rule.js";
import { NOT_APPLICABLE } from "../rules/rule.js";
import {
  type CheckedExchange,
  type ExchangeVerdict,
  readExchange,
  responseExcerpt,
  resultOf,
  runExchangeRules,
} from "./check-exchange.js";
import type { ConfiguredGroupRule, Engine } from "./engine.js";
import { ruleApplies } from "./rule-applies.js";
import { ruleJudgement } from "./rule-judgement.js";
import type { Selection } from "./selection.js";

/** An exchange waiting for the groups it belongs to. */
interface Member {
  context: RuleContext;
  verdict: CheckedExchange;
  /** Its answer is not held: no excerpt of it in the report. */
  alone: boolean;
  /** Groups not yet judged; the verdict is final, and handed on, at 0. */
  pending: number;
}

interface OpenGroup {
  rule: ConfiguredGroupRule;
  members: Member[];
  /** The members as the rule sees them. */
  contexts: RuleContext[];
}

/**
 * The engine's one path from exchange to verdict, for every source (HAR, NDJSON, live calls, contract
 * verifications): each exchange is read and judged by the single-exchange rules, then by the group rules
 * it belongs to once their groups are complete; a verdict is handed to `out` when nothing more will be
 * written on it. Only the members of open groups are held; `end()` judges the groups still open at the end
 * of the input.
 */
export class ExchangeJudge {
  private readonly open = new Map<string, OpenGroup>();

  constructor(
    private readonly engine: Engine,
    private readonly out: (verdict: ExchangeVerdict) => void,
  ) {}

  judge(exchange: RawExchange, select?: Selection): void {
    const assessed = this.assess(exchange, select);
    if (assessed.kind !== "grouped") {
      this.out(assessed);
      return;
    }
    const { member, memberships } = assessed;
    for (const { rule, key } of memberships) {
      let group = this.open.get(key);
      if (!group) {
        group = { rule, members: [], contexts: [] };
        this.open.set(key, group);
      }
      group.members.push(member);
      group.contexts.push(member.context);
      if (rule.rule.isComplete(group.contexts)) {
        this.open.delete(key);
        this.close(group);
      }
    }
  }

  /**
   * The verdict of an exchange that belongs to no group, which needs no other exchange: what `judge` would
   * hand on for it at once. Undefined for one that belongs to a group: that one must go through `judge`, in
   * input order, with the others (a worker thread judges the first kind, the reading thread the second).
   */
  judgeAlone(exchange: RawExchange, select?: Selection): ExchangeVerdict | undefined {
    const assessed = this.assess(exchange, select);
    return assessed.kind === "grouped" ? undefined : assessed;
  }

  /** An exchange read and judged by the single-exchange rules, and the groups it is to wait for, if any. */
  private assess(
    exchange: RawExchange,
    select: Selection | undefined,
  ):
    | ExchangeVerdict
    | { kind: "grouped"; member: Member; memberships: { rule: ConfiguredGroupRule; key: string }[] } {
    const { groups } = this.engine;
    let owner: ConfiguredGroupRule | undefined;
    let standsFor: Outcome | undefined;
    for (const group of groups) {
      standsFor = group.rule.judgesAlone?.(exchange);
      if (standsFor === undefined) continue;
      owner = group;
      break;
    }
    const reading = readExchange(exchange, this.engine, select, standsFor);
    if (reading.kind === "skipped") return reading;
    const { context } = reading;
    const memberships = (owner ? [owner] : groups).flatMap((rule) => {
      if (rule.configured === "off") return [];
      const key = rule.rule.groupOf(context);
      return key === undefined ? [] : [{ rule, key: `${rule.rule.meta.id}\u0000${key}` }];
    });
    const claimed = new Set(memberships.map(({ rule }) => rule.rule.meta.id));
    const verdict: CheckedExchange = owner
      ? { kind: "checked", result: resultOf(context, []), verdicts: new Map() }
      : runExchangeRules(context, this.engine, claimed);
    if (memberships.length === 0) return verdict;
    const member: Member = { context, verdict, alone: owner !== undefined, pending: memberships.length };
    return { kind: "grouped", member, memberships };
  }

  /**
   * The end of the input: the groups still open are judged with the members they have. When the input was
   * cut short (an interrupted run), they are not: their members are handed on without the verdicts of the
   * groups nobody finished (a throttling probe stopped before its last attempt is no verdict).
   */
  end({ interrupted = false }: { interrupted?: boolean } = {}): void {
    const groups = [...this.open.values()];
    this.open.clear();
    for (const group of groups) this.close(group, !interrupted);
  }

  private close({ rule, members, contexts }: OpenGroup, judged = true): void {
    const { meta } = rule.rule;
    const configured = rule.configured === "off" ? undefined : rule.configured;
    const judgements = judged ? rule.rule.judge(contexts) : contexts.map(() => NOT_APPLICABLE);
    members.forEach((member, index) => {
      const drafts = judgements[index];
      if (drafts !== undefined && drafts !== NOT_APPLICABLE && ruleApplies(meta, member.context)) {
        const { findings, verdict } = ruleJudgement(meta, configured, drafts);
        const { result, verdicts } = member.verdict;
        result.findings.push(...findings);
        if (result.findings.length > 0 && !member.alone)
          result.response ??= responseExcerpt(member.context.exchange.response);
        verdicts.set(meta.id, verdict);
      }
      member.pending--;
      if (member.pending === 0) this.out(member.verdict);
    });
  }
}
