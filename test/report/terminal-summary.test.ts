import { expect } from "chai";
import { checkExchange } from "../../src/engine/check-exchange.js";
import { ReportBuilder } from "../../src/engine/report-builder.js";
import { terminalSummary } from "../../src/report/terminal-summary.js";
import { tencentError, tencentSuccess } from "../support/bodies.js";
import { buildExchange } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";

async function reportOf(bodies: { body: unknown; status?: number }[], interrupted = false) {
  const engine = await sharedEngine();
  const builder = new ReportBuilder(engine, [{ kind: "recorded", location: "t.har" }]);
  for (const [index, { body, status }] of bodies.entries()) {
    const exchange = buildExchange({ dialect: "tencent", body, index, ...(status ? { status } : {}) });
    builder.add(checkExchange(exchange, engine));
  }
  if (interrupted) builder.markInterrupted();
  return builder.build();
}

describe("terminal summary", () => {
  it("names the rules that warned, with the number of exchanges each", async () => {
    const report = await reportOf([
      { body: tencentError("NoSuchCode.AtAll") },
      { body: tencentError("AlsoUnknown") },
      { body: tencentSuccess() },
    ]);
    expect(report.summary.warned).to.equal(2);
    const text = terminalSummary(report);
    expect(text).to.match(/ {2}exchanges warned by each rule[^\n]*:\n {4}error-code-known +2\n/);
    expect(text).not.to.include("exchanges failing each rule");
  });

  it("says on its first line that the run was interrupted", async () => {
    const text = terminalSummary(await reportOf([{ body: tencentSuccess() }], true));
    expect(text.split("\n")[0]).to.equal(
      "conformance: interrupted (Ctrl-C): the report covers only what was done before it",
    );
    expect(terminalSummary(await reportOf([{ body: tencentSuccess() }]))).not.to.include("interrupted");
    const bySigterm = terminalSummary(await reportOf([{ body: tencentSuccess() }], true), undefined, {
      interruptedBy: "SIGTERM",
    });
    expect(bySigterm.split("\n")[0]).to.equal(
      "conformance: interrupted (SIGTERM): the report covers only what was done before it",
    );
  });
});
