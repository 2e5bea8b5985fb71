import { expect } from "chai";
import type { CheckedExchange, ExchangeVerdict } from "../../src/engine/check-exchange.js";
import { createEngine } from "../../src/engine/engine.js";
import { ExchangeJudge } from "../../src/engine/exchange-judge.js";
import { probeCalls } from "../../src/live/probe-catalogue.js";
import type { RawExchange } from "../../src/model/exchange.js";
import {
  ALIBABA_ID,
  alibabaSuccess,
  tencentSuccess,
  zenlayerError,
  zenlayerSuccess,
} from "../support/bodies.js";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";

/** An exchange of a live run: the call id in source.probe and the hints it was made with. */
function liveCall(label: string, spec: ExchangeSpec, index: number): RawExchange {
  const exchange = buildExchange({ ...spec, file: "http://127.0.0.1:1/", index });
  const { dialect, product, action, format } = spec;
  return {
    ...exchange,
    source: { ...exchange.source, probe: label },
    hints: {
      dialect,
      product: product ?? "kms",
      action: action ?? "DescribeRegions",
      format: format ?? "json",
    },
  };
}

const regionsJson = (regions: string[]) =>
  alibabaSuccess({ Regions: { Region: regions.map((RegionId) => ({ RegionId })) } });
const regionsXml = (regions: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><KMS><RequestId>${ALIBABA_ID}</RequestId><Regions>${regions
    .map((r) => `<Region><RegionId>${r}</RegionId></Region>`)
    .join("")}</Regions></KMS>`;
const kms = { dialect: "alibaba", product: "kms", action: "DescribeRegions" } as const;

/** A judge whose verdicts are collected in the order they become final. */
async function judgeWith(rules: Record<string, "error" | "warning" | "off"> = {}) {
  const engine =
    Object.keys(rules).length > 0
      ? await createEngine({ rules, hosts: [], maxDepth: 256 })
      : await sharedEngine();
  const verdicts: ExchangeVerdict[] = [];
  return { judge: new ExchangeJudge(engine, (verdict) => verdicts.push(verdict)), verdicts };
}

const checked = (verdict: ExchangeVerdict | undefined): CheckedExchange => {
  if (verdict?.kind !== "checked") throw new Error(`not checked: ${JSON.stringify(verdict)}`);
  return verdict;
};
const ruleFindings = (verdict: ExchangeVerdict | undefined, rule: string) =>
  checked(verdict).result.findings.filter((f) => f.rule === rule);

describe("ExchangeJudge: single-exchange rules, then the group rules over the groups they declare", () => {
  describe("format-parity: the JSON and XML answers to one live call", () => {
    it("holds the JSON answer until its XML twin comes, then writes the comparison on the XML answer", async () => {
      const { judge, verdicts } = await judgeWith();
      judge.judge(liveCall("alibaba/kms/DescribeRegions", { ...kms, body: regionsJson(["cn-hangzhou"]) }, 0));
      expect(verdicts, "the JSON answer waits for its twin").to.have.length(0);
      const xml = regionsXml(["cn-hangzhou", "cn-shanghai"]);
      judge.judge(liveCall("alibaba/kms/DescribeRegions.xml", { ...kms, format: "xml", body: xml }, 1));
      expect(verdicts.map((v) => checked(v).result.source.index)).to.deep.equal([0, 1]);
      expect(checked(verdicts[0]).verdicts.has("format-parity"), "no verdict on the JSON answer").to.equal(
        false,
      );
      expect(checked(verdicts[1]).verdicts.get("format-parity")).to.equal("fail");
      expect(ruleFindings(verdicts[1], "format-parity")).to.deep.equal([
        {
          rule: "format-parity",
          severity: "error",
          pointer: "/Regions/Region",
          messageId: "countDiffers",
          data: { at: "/Regions/Region", jsonCount: 1, xmlCount: 2 },
          message: "/Regions/Region: the JSON answer lists 1 item(s), the XML answer 2",
          expected: "1",
          actual: "2",
        },
      ]);
      expect(checked(verdicts[1]).result.response, "an excerpt of the offending answer").to.not.equal(
        undefined,
      );
    });

    it("compares the last attempt in each format when a call was retried after throttling", async () => {
      const { judge, verdicts } = await judgeWith();
      const throttled = { ...kms, status: 429, body: { ...alibabaSuccess(), Code: "Rejected.Throttling" } };
      judge.judge(liveCall("alibaba/kms/DescribeRegions", throttled, 0));
      judge.judge(liveCall("alibaba/kms/DescribeRegions#retry1", { ...kms, body: regionsJson(["a"]) }, 1));
      judge.judge(
        liveCall("alibaba/kms/DescribeRegions.xml", { ...kms, format: "xml", status: 429, body: "" }, 2),
      );
      expect(verdicts, "a throttled XML answer is not the last").to.have.length(0);
      const xml = { ...kms, format: "xml" as const, body: regionsXml(["a"]) };
      judge.judge(liveCall("alibaba/kms/DescribeRegions.xml#retry1", xml, 3));
      expect(verdicts).to.have.length(4);
      const byIndex = new Map(verdicts.map((v) => [checked(v).result.source.index, checked(v)]));
      expect(byIndex.get(3)?.verdicts.get("format-parity")).to.equal("pass");
      expect([0, 1, 2].map((i) => byIndex.get(i)?.verdicts.has("format-parity"))).to.deep.equal([
        false,
        false,
        false,
      ]);
    });

    it("does not pair recorded exchanges (no call id), nor anything when the rule is off", async () => {
      const recorded = await judgeWith();
      recorded.judge.judge(buildExchange({ ...kms, body: regionsJson(["a"]) }));
      expect(recorded.verdicts).to.have.length(1);
      const off = await judgeWith({ "format-parity": "off" });
      off.judge.judge(liveCall("alibaba/kms/DescribeRegions", { ...kms, body: regionsJson(["a"]) }, 0));
      expect(off.verdicts, "handed on at once").to.have.length(1);
    });

    it("judges a pair left open at the end of the input with what it has (an XML call that got no answer)", async () => {
      const { judge, verdicts } = await judgeWith();
      judge.judge(liveCall("alibaba/kms/DescribeRegions", { ...kms, body: regionsJson(["a"]) }, 0));
      expect(verdicts).to.have.length(0);
      judge.end();
      expect(verdicts).to.have.length(1);
      expect(checked(verdicts[0]).verdicts.has("format-parity")).to.equal(false);
    });
  });

  describe("probe-expected-code over a throttling probe's attempts", () => {
    const probe = probeCalls().find((call) => call.id === "probe:zenlayer/throttling")?.probe;
    const attempt = (index: number, throttled: boolean): RawExchange => ({
      ...buildExchange({
        dialect: "zenlayer",
        action: "DescribeInstances",
        status: throttled ? 429 : 200,
        body: throttled ? zenlayerError("REQUEST_LIMIT_EXCEEDED") : zenlayerSuccess({ dataSet: [] }),
        file: "recorded.har",
        index,
      }),
      ...(probe ? { probe } : {}),
    });

    it("judges the probe on the throttled attempt; the attempts before it are ordinary exchanges", async () => {
      const { judge, verdicts } = await judgeWith();
      judge.judge(attempt(0, false));
      judge.judge(
        buildExchange({ dialect: "tencent", body: tencentSuccess(), file: "recorded.har", index: 1 }),
      );
      expect(
        verdicts.map((v) => checked(v).result.source.index),
        "others pass through",
      ).to.deep.equal([1]);
      judge.judge(attempt(2, false));
      judge.judge(attempt(3, true));
      expect(verdicts.map((v) => checked(v).result.source.index)).to.deep.equal([1, 0, 2, 3]);
      expect(verdicts.map((v) => checked(v).verdicts.get("probe-expected-code"))).to.deep.equal([
        undefined,
        undefined,
        undefined,
        "pass",
      ]);
    });

    it("judges the last attempt when the input ends before the target throttled", async () => {
      const { judge, verdicts } = await judgeWith();
      judge.judge(attempt(0, false));
      judge.judge(attempt(1, false));
      judge.end();
      const last = verdicts.find((v) => checked(v).result.source.index === 1);
      expect(checked(last).verdicts.get("probe-expected-code")).to.equal("fail");
      expect(ruleFindings(last, "probe-expected-code").map((f) => f.messageId)).to.deep.equal([
        "answeredAsSuccess",
      ]);
    });

    it("gives no verdict on a probe whose attempts an interruption cut short", async () => {
      const { judge, verdicts } = await judgeWith();
      judge.judge(attempt(0, false));
      judge.end({ interrupted: true });
      expect(verdicts).to.have.length(1);
      expect(checked(verdicts[0]).verdicts.has("probe-expected-code")).to.equal(false);
    });
  });
});
