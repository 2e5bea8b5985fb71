import { expect } from "chai";
import { checkExchange, type RuleVerdict } from "../../src/engine/check-exchange.js";
import type { Finding } from "../../src/model/finding.js";
import { renderMessage } from "../../src/model/render-message.js";
import type { FindingData, Rule, RuleMeta } from "../../src/rules/rule.js";
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
  /** The finding's messageId, one of the rule's `meta.messages` (as in ESLint's RuleTester). */
  messageId?: string;
  /** Values the finding's data must hold (others may be there too: ajv's params, for instance). */
  data?: FindingData;
  pointer?: string;
  location?: string;
  severity?: "error" | "warning";
  /** The rendered text: keep a few, to show what a person reads; match on messageId otherwise. */
  message?: RegExp | string;
  expected?: string;
  actual?: string;
}

export interface InvalidCase extends ExchangeSpec {
  name: string;
  findings: ExpectedFinding[];
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /**
   * messageIds of `meta.messages` that no invalid case draws, each with the reason (covered by another
   * test, or unreachable through the engine). Every other message must be drawn by an invalid case.
   */
  notCovered?: Record<string, string>;
}

/**
 * The convention of src/rules/rule.ts, for a finding of a rule that declares `meta.messages`: it names a
 * declared messageId, its data holds scalars only, and its message is that template rendered with its data.
 * Rules that declare no messages yet are not judged.
 */
export function expectDeclaredMessage(finding: Finding, meta: RuleMeta | undefined): void {
  const what = `${finding.rule} finding ${JSON.stringify(finding.message)}`;
  expect(meta, `${what}: its rule is known`).to.not.equal(undefined);
  const messages = meta?.messages;
  if (!messages) return;
  expect(finding.messageId, `${what}: has a messageId`).to.be.a("string");
  const id = finding.messageId as string;
  expect(Object.hasOwn(messages, id), `${what}: messageId ${id} is in meta.messages`).to.equal(true);
  expect(finding.data, `${what}: has data`).to.be.an("object");
  for (const [name, value] of Object.entries(finding.data ?? {})) {
    expect(
      value === null || ["string", "number", "boolean"].includes(typeof value),
      `${what}: data.${name} is a scalar`,
    ).to.equal(true);
  }
  expect(finding.message, `${what}: message is meta.messages.${id} rendered with data`).to.equal(
    renderMessage(messages[id] as string, finding.data as FindingData),
  );
}

/**
 * ESLint's RuleTester, for exchange rules: every valid case is judged by the rule and passes (or, marked
 * `notApplicable: true`, is not judged by it at all), every invalid case draws exactly the listed findings
 * (in order), and every message the rule declares is drawn by some invalid case or listed in `notCovered`
 * with the reason. Every finding drawn (of any rule) must follow the messages convention
 * (expectDeclaredMessage). Cases run through the whole engine, so detection, decoding and classification
 * are exercised as in a real run.
 */
export function ruleTester(rule: Rule, cases: RuleTests): void {
  const id = rule.meta.id;
  async function findingsOf(
    spec: ExchangeSpec,
  ): Promise<{ findings: Finding[]; applied: boolean; outcome: RuleVerdict | undefined }> {
    const engine = await sharedEngine(rule.meta.offByDefault ? rule.meta : undefined);
    const verdict = checkExchange(buildExchange(spec), engine);
    if (verdict.kind === "skipped") throw new Error(`exchange was skipped: ${verdict.reason}`);
    for (const finding of verdict.result.findings) {
      expectDeclaredMessage(finding, engine.rules.find((r) => r.meta.id === finding.rule)?.meta);
    }
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
            if (rule.meta.messages) {
              expect(want.messageId, "each expected finding names its messageId, as ESLint's do").to.be.a(
                "string",
              );
            }
            if (want.messageId !== undefined) expect(got.messageId, "messageId").to.equal(want.messageId);
            if (want.data !== undefined) expect(got.data, "data").to.deep.include(want.data);
            if (want.pointer !== undefined) expect(got.pointer, "pointer").to.equal(want.pointer);
            if (want.location !== undefined) expect(got.location, "location").to.equal(want.location);
            expect(got.severity, "severity").to.equal(want.severity ?? rule.meta.severity);
            if (typeof want.message === "string") expect(got.message, "message").to.equal(want.message);
            else if (want.message) expect(got.message, "message").to.match(want.message);
            if (want.expected !== undefined) expect(got.expected, "expected").to.equal(want.expected);
            if (want.actual !== undefined) expect(got.actual, "actual").to.equal(want.actual);
          });
        });
      }
    });
    it("draws every message of meta.messages, or names why not (notCovered)", async () => {
      const declared = Object.keys(rule.meta.messages ?? {});
      const notCovered = cases.notCovered ?? {};
      for (const [messageId, reason] of Object.entries(notCovered)) {
        expect(declared, `notCovered names a declared message: ${messageId}`).to.include(messageId);
        expect(reason.trim(), `notCovered.${messageId} gives a reason`).to.not.equal("");
      }
      const drawn = new Set<string>();
      for (const testCase of cases.invalid) {
        for (const finding of (await findingsOf(testCase)).findings) {
          if (finding.messageId !== undefined) drawn.add(finding.messageId);
        }
      }
      const missing = declared.filter((m) => !drawn.has(m) && !Object.hasOwn(notCovered, m));
      expect(missing, "messages no invalid case draws: add a case, or list them in notCovered").to.deep.equal(
        [],
      );
      const stale = Object.keys(notCovered).filter((m) => drawn.has(m));
      expect(stale, "listed in notCovered, yet drawn by an invalid case: remove them").to.deep.equal([]);
    });
  });
}
