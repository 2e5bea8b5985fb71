import type { CheckedVerdict, Checker, ExchangeVerdict, Finding } from "../api/checker.js";
import type { ExchangeInput } from "../api/exchange-input.js";
import { failureMessage } from "../report/failure-message.js";
import { sourceLabel } from "../report/source-label.js";

/** What `conformTo` asserts the exchange was read as (detected from the request, as for a HAR entry). */
export interface ConformTarget {
  dialect: "tencent" | "alibaba" | "zenlayer";
  /** The product (`cvm`, `kms`, `ess`, `ecs`, `bmc`, …); any when absent. */
  product?: string;
  /** The action (`DescribeInstances`); any when absent. */
  action?: string;
}

declare global {
  // chai's own namespace (@types/chai), extended as chai plugins do.
  namespace Chai {
    interface Assertion {
      /**
       * Asserts that the exchange (a RawExchange or `{ request, response }`) breaks no rule at severity
       * error, as `conformance check` judges it. Negated (`.not.to.conform()`), that it breaks one.
       */
      conform(): Assertion;
      /** As conform(), and that the exchange is read as this dialect (and product and action, when given). */
      conformTo(target: ConformTarget): Assertion;
    }
  }
}

/** The part of chai's `this` an assertion method uses. */
interface AssertionLike {
  _obj: unknown;
  assert(expression: boolean, message: string, negatedMessage: string): void;
}

/** The part of chai a plugin uses (structural: chai 5 and 6 both fit). */
export interface ChaiLike {
  Assertion: {
    // biome-ignore lint/suspicious/noExplicitAny: chai's own signature (@types/chai AssertionStatic.addMethod)
    addMethod(name: string, method: (this: any, ...args: any[]) => any): void;
  };
  AssertionError: new (message: string) => Error;
}

/** A function for `chai.use`. */
export type ConformancePlugin = (chai: ChaiLike, utils: unknown) => void;

function describeTarget(target: ConformTarget): string {
  return [target.dialect, target.product ?? "*", target.action ?? "*"].join("/");
}

function describeRead(verdict: CheckedVerdict): string {
  return `${verdict.dialect}/${verdict.product}/${verdict.action}`;
}

/**
 * Why the exchange fails, as the suites say it: for each rule broken at severity error, the exchange
 * (source, status, outcome), where in the body (JSON pointer), the message, expected and actual.
 */
export function violationMessage(verdict: CheckedVerdict): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of verdict.findings) {
    if (finding.severity !== "error") continue;
    byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  }
  return [...byRule]
    .map(([rule, findings]) => failureMessage(rule, [{ result: verdict, findings }]))
    .join("\n");
}

/**
 * A chai plugin judging exchanges with `checker` (see createChecker): `chai.use(conformancePlugin(checker))`
 * adds `conform()` and `conformTo({ dialect, product, action })`. An exchange the engine cannot judge
 * (unknown host, no status) fails either assertion, negated or not: it neither conforms nor breaks a rule.
 */
export function conformancePlugin(checker: Checker): ConformancePlugin {
  return (chai) => {
    const judged = (subject: unknown, assertion: string): CheckedVerdict => {
      const verdict: ExchangeVerdict = checker.check(subject as ExchangeInput);
      if (verdict.verdict === "skipped") {
        throw new chai.AssertionError(
          `${assertion}: the exchange (${sourceLabel(verdict.source)}) was not judged: ${verdict.reason}`,
        );
      }
      return verdict;
    };

    chai.Assertion.addMethod("conform", function (this: AssertionLike) {
      const verdict = judged(this._obj, "conform()");
      const label = `${describeRead(verdict)} (${sourceLabel(verdict.source)})`;
      this.assert(
        verdict.verdict !== "fail",
        `expected ${label} to conform, but ${violationMessage(verdict)}`,
        `expected ${label} not to conform, but it breaks no rule in force (${Object.keys(verdict.rules).length} judged it)`,
      );
    } as never);

    chai.Assertion.addMethod("conformTo", function (this: AssertionLike, target: ConformTarget) {
      if (typeof target !== "object" || target === null || typeof target.dialect !== "string") {
        throw new TypeError("conformTo({ dialect, product?, action? }): dialect is required");
      }
      const verdict = judged(this._obj, `conformTo(${describeTarget(target)})`);
      const read = describeRead(verdict);
      const label = `${read} (${sourceLabel(verdict.source)})`;
      const wanted = describeTarget(target);
      const isTarget =
        verdict.dialect === target.dialect &&
        (target.product === undefined || verdict.product === target.product) &&
        (target.action === undefined || verdict.action === target.action);
      const conforms = verdict.verdict !== "fail";
      const why = [
        ...(isTarget ? [] : [`it was read as ${read}`]),
        ...(conforms ? [] : [violationMessage(verdict)]),
      ].join("\nand ");
      this.assert(
        isTarget && conforms,
        `expected ${sourceLabel(verdict.source)} to conform to ${wanted}, but ${why}`,
        `expected ${label} not to conform to ${wanted}, but it is one and breaks no rule in force`,
      );
    } as never);
  };
}
