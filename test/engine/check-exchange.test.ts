import { expect } from "chai";
import { checkExchange } from "../../src/engine/check-exchange.js";
import { tencentSuccess } from "../support/bodies.js";
import { buildExchange } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";

describe("checkExchange", () => {
  it("skips, with the reason, an exchange that got no response", async () => {
    const exchange = buildExchange({ dialect: "tencent", body: "" });
    exchange.response.status = 0;
    expect(checkExchange(exchange, await sharedEngine())).to.deep.include({
      kind: "skipped",
      reason: "no HTTP response was recorded (status 0: the request was blocked, failed or cancelled)",
    });
  });

  it("skips, with the reason, a server-sent event stream", async () => {
    const exchange = buildExchange({
      dialect: "tencent",
      body: 'data: {"Response":{"RequestId":"x"}}\n\n',
      headers: { "content-type": "text/event-stream; charset=utf-8" },
    });
    const verdict = checkExchange(exchange, await sharedEngine());
    expect(verdict.kind).to.equal("skipped");
    if (verdict.kind === "skipped") expect(verdict.reason).to.match(/^a server-sent event stream/);
  });

  it("judges every rule that applies and records its verdict", async () => {
    const verdict = checkExchange(
      buildExchange({ dialect: "tencent", status: 500, body: tencentSuccess() }),
      await sharedEngine(),
    );
    if (verdict.kind !== "checked") throw new Error(verdict.reason);
    expect(verdict.verdicts.get("status-outcome")).to.equal("fail");
    expect(verdict.verdicts.get("envelope-shape")).to.equal("pass");
    expect(verdict.verdicts.has("error-code-message"), "an error rule on a success").to.equal(false);
    expect(verdict.verdicts.has("xml-root"), "an Alibaba rule on Tencent").to.equal(false);
  });
});
