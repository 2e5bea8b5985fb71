// The conformance suites over a live target: one test per action call and per probe of `conformance run`
// (the built-in sandbox, or CONFORMANCE_TARGET), so that `npm run suites -- --grep DescribeInstances` picks
// the calls of one action. See suites/live-target.ts for the variables.
import { expect } from "chai";
import { failureMessage } from "../src/report/failure-message.js";
import type { ExchangeResult } from "../src/types/generated/report.js";
import { judgeLiveTarget } from "./live-target.js";

const { target, calls, report } = await judgeLiveTarget();

/** A call's id as its exchanges carry it: retries and repeated attempts are named `ID#retryN`, `ID#N`. */
const callOf = (probe: string | undefined) => (probe ?? "").replace(/#(retry)?\d+$/, "");

describe(`live target: ${target}`, () => {
  const groups = [...new Set(calls.map((c) => `${c.dialect}/${c.product}/${c.action}`))];
  for (const group of groups) {
    describe(group, () => {
      for (const call of calls.filter((c) => `${c.dialect}/${c.product}/${c.action}` === group)) {
        it(call.probe ? `probe ${call.probe.name} (${call.id})` : `${call.id}`, () => {
          const failures = report.transportFailures.filter((f) => callOf(f.source.probe) === call.id);
          expect(
            failures.map((f) => `${f.kind}: ${f.message}`),
            "answered",
          ).to.deep.equal([]);
          const results = report.results.filter((r: ExchangeResult) => callOf(r.source.probe) === call.id);
          const rules = [
            ...new Set(
              results.flatMap((r) => r.findings.filter((f) => f.severity === "error").map((f) => f.rule)),
            ),
          ];
          if (rules.length === 0) return;
          expect.fail(
            rules
              .map((rule) =>
                failureMessage(
                  rule,
                  results
                    .map((result) => ({
                      result,
                      findings: result.findings.filter((f) => f.rule === rule && f.severity === "error"),
                    }))
                    .filter((f) => f.findings.length > 0),
                ),
              )
              .join("\n"),
          );
        });
      }
    });
  }
});
