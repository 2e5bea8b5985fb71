import { expect } from "chai";
import { checkExchange, type RuleVerdict } from "../../src/engine/check-exchange.js";
import type { Finding } from "../../src/model/finding.js";
import type { Rule } from "../../src/rules/rule.js";
import { buildExchange, type ExchangeSpec } from "./exchange-builder.js";
import { sharedEngine } from "./shared-engine.js";

export interface ValidCase extends ExchangeSpec {
  name: string;
  /**
   * The rule must not judge this exchange at all (it is outside the rule's scope: another dialect, an
   * outcome or format the rule does not look at). Without it, a valid case must be judged by the rule and
   * pass: a case the rule never ran on proves nothing.
   */
  notApplicable?: boolean;
}

export interface ExpectedFinding {
  pointer?: string;
  location?: string;
  severity?: "error" | "warning";
  message?: RegExp;
  expected?: string;
  actual?: string;
}

export interface InvalidCase extends ExchangeSpec {
  name: string;
  findings: ExpectedFinding[];
}

/**
 * ESLint's RuleTester, for exchange rules: every valid case is judged by the rule and passes (or, marked
 * `notApplicable: true`, is not judged by it at all), every invalid case draws exactly the listed findings
 * (in order). Cases run through the whole engine, so detection, decoding and classification are exercised
 * as in a real run.
 */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  async function findingsOf(
    spec: ExchangeSpec,
  ): Promise<{ findings: Finding[]; applied: boolean; outcome: RuleVerdict | undefined }> {
    const verdict = checkExchange(buildExchange(spec), await sharedEngine());
    if (verdict.kind === "skipped") throw new Error(`exchange was skipped: ${verdict.reason}`);
    return {
      findings: verdict.result.findings.filter((f) => f.rule === id),
      applied: verdict.verdicts.has(id),
      outcome: verdict.verdicts.get(id),
    };
  }
  describe(`rule ${id}`, () => {
    describe("valid", () => {
      for (const testCase of cases.valid) {
        it(testCase.name, async () => {
          const { findings, applied, outcome } = await findingsOf(testCase);
          expect(findings, JSON.stringify(findings, null, 2)).to.deep.equal([]);
          if (testCase.notApplicable) {
            expect(applied, "notApplicable: the rule must not judge this exchange").to.equal(false);
          } else {
            expect(
              outcome,
              "the rule must judge this exchange and pass it (mark the case notApplicable: true if the rule is not meant to judge it)",
            ).to.equal("pass");
          }
        });
      }
    });
    describe("invalid", () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, async () => {
          const { findings, applied } = await findingsOf(testCase);
          expect(applied, "the rule must apply to this exchange").to.equal(true);
          expect(findings.length, JSON.stringify(findings, null, 2)).to.equal(testCase.findings.length);
          testCase.findings.forEach((want, i) => {
            const got = findings[i] as Finding;
            if (want.pointer !== undefined) expect(got.pointer, "pointer").to.equal(want.pointer);
            if (want.location !== undefined) expect(got.location, "location").to.equal(want.location);
            expect(got.severity, "severity").to.equal(want.severity ?? rule.meta.severity);
            if (want.message) expect(got.message).to.match(want.message);
            if (want.expected !== undefined) expect(got.expected, "expected").to.equal(want.expected);
            if (want.actual !== undefined) expect(got.actual, "actual").to.equal(want.actual);
          });
        });
      }
    });
  });
}
