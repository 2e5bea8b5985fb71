import { findProduct } from "../providers/registry.js";
import { errorCode } from "./error-fields.js";
import type { GroupRule, MemberJudgement } from "./group-rule.js";
import { isThrottledAnswer } from "./group-throttled-answer.js";
import { probeExpectedCode } from "./probe-expected-code.js";
import { NOT_APPLICABLE, type RuleContext } from "./rule.js";

/** How many times the probe repeats its call until it is throttled (its product's definition), if it does. */
function attemptsOf({ exchange, identity }: RuleContext): number | undefined {
  const name = exchange.probe?.name;
  if (name === undefined) return undefined;
  const probe = findProduct(identity.dialect, identity.product)?.probes.find((p) => p.name === name);
  return probe?.change.repeatUntilThrottled;
}

const isThrottled = (member: RuleContext) => isThrottledAnswer(member.status, errorCode(member));

/**
 * probe-expected-code for a throttling probe (docs/probes.md): its call is made until the target throttles
 * it, and every attempt carries the probe. The group is the probe's attempts in one input (a live target,
 * a recording); it is complete with the first throttled answer or the last attempt the probe allows, and
 * the probe's verdict is on that attempt. The attempts before it are ordinary exchanges of the action.
 */
export const throttlingProbeAttempts: GroupRule = {
  meta: probeExpectedCode.meta,
  groupOf(member) {
    if (attemptsOf(member) === undefined) return undefined;
    const { exchange, identity } = member;
    return `${exchange.source.file}\u0000${identity.dialect}/${exchange.probe?.name}`;
  },
  isComplete(members) {
    const [first] = members;
    const last = members[members.length - 1];
    if (!first || !last) return false;
    return isThrottled(last) || members.length >= (attemptsOf(first) ?? 1);
  },
  judge(members): MemberJudgement[] {
    const throttled = members.findIndex(isThrottled);
    const decisive = throttled >= 0 ? throttled : members.length - 1;
    return members.map((member, index) =>
      index === decisive ? probeExpectedCode.check(member) : NOT_APPLICABLE,
    );
  },
};
