import { expect } from "chai";
import { ruleJudgement } from "../../src/engine/rule-judgement.js";

const meta = { id: "some-rule", severity: "error" } as const;
const draft = (severity?: "error" | "warning") => ({
  pointer: "",
  message: "m",
  messageId: "m",
  data: {},
  ...(severity ? { severity } : {}),
});

describe("ruleJudgement: a rule's verdict on one exchange", () => {
  const cases: [string, Parameters<typeof ruleJudgement>[1], ReturnType<typeof draft>[], string, string[]][] =
    [
      ["no finding passes", undefined, [], "pass", []],
      ["a finding has the rule's severity", undefined, [draft()], "fail", ["error"]],
      ["a finding may ask for a warning", undefined, [draft("warning")], "warn", ["warning"]],
      ["an error among warnings fails", undefined, [draft("warning"), draft()], "fail", ["warning", "error"]],
      ["the configured severity wins", "warning", [draft(), draft("error")], "warn", ["warning", "warning"]],
      ["configured error makes warnings errors", "error", [draft("warning")], "fail", ["error"]],
    ];
  for (const [name, configured, drafts, verdict, severities] of cases)
    it(name, () => {
      const judgement = ruleJudgement(meta, configured, drafts);
      expect(judgement.verdict).to.equal(verdict);
      expect(judgement.findings.map((f) => f.severity)).to.deep.equal(severities);
      expect(judgement.findings.every((f) => f.rule === "some-rule")).to.equal(true);
    });
});
