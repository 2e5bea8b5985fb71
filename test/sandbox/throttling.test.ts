import { expect } from "chai";
import type { RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { TokenBuckets } from "../../src/sandbox/token-buckets.js";
import { errorsOf } from "./support/judge.js";
import {
  alibabaCall,
  type Exchange,
  startTestSandbox,
  tencentCall,
  zenlayerCall,
} from "./support/sandbox-calls.js";

const BURST = 3;

async function repeat(times: number, call: () => Promise<Exchange>): Promise<Exchange[]> {
  const answers: Exchange[] = [];
  for (let i = 0; i < times; i++) answers.push(await call());
  return answers;
}

describe("sandbox: throttling", () => {
  describe("past the burst", () => {
    let sandbox: RunningSandbox;
    before(async () => {
      // A slow refill, so the test cannot get a token back while it runs.
      sandbox = await startTestSandbox({ rateLimit: { perSecond: 0.01, burst: BURST } });
    });
    after(() => sandbox.close());

    it("Tencent: RequestLimitExceeded with HTTP 200 once the burst is spent", async () => {
      const answers = await repeat(BURST + 1, () => tencentCall(sandbox.url));
      expect(answers.slice(0, BURST).map((a) => a.json.Response.Error)).to.deep.equal([
        undefined,
        undefined,
        undefined,
      ]);
      const last = answers[BURST] as Exchange;
      expect(last.status).to.equal(200);
      expect(last.json.Response.Error.Code).to.equal("RequestLimitExceeded");
      expect(await errorsOf(last)).to.deep.equal([]);
    });

    it("Alibaba: one bucket per access key across KMS and ESS; KMS Rejected.Throttling 429, ESS Throttling 400", async () => {
      const kms = { action: "DescribeRegions", product: "kms" as const };
      await repeat(BURST, () => alibabaCall(sandbox.url, kms));
      const kmsAnswer = await alibabaCall(sandbox.url, kms);
      expect([kmsAnswer.status, kmsAnswer.json.Code, kmsAnswer.json.HttpStatus]).to.deep.equal([
        429,
        "Rejected.Throttling",
        429,
      ]);
      expect(Number(kmsAnswer.headers["retry-after"])).to.be.greaterThan(0);
      expect(await errorsOf(kmsAnswer)).to.deep.equal([]);
      const essAnswer = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params: { RegionId: "cn-hangzhou" },
        format: "XML",
      });
      expect(essAnswer.status).to.equal(400);
      expect(essAnswer.text).to.contain("<Code>Throttling</Code>");
      expect(await errorsOf(essAnswer)).to.deep.equal([]);
    });

    it("Zenlayer: REQUEST_LIMIT_EXCEEDED with 429", async () => {
      await repeat(BURST, () => zenlayerCall(sandbox.url));
      const answer = await zenlayerCall(sandbox.url);
      expect([answer.status, answer.json.code]).to.deep.equal([429, "REQUEST_LIMIT_EXCEEDED"]);
      expect(await errorsOf(answer)).to.deep.equal([]);
    });

    it("requests refused before throttling (bad signature) take no token", async () => {
      const fresh = await startTestSandbox({ rateLimit: { perSecond: 0.01, burst: 1 } });
      try {
        await repeat(5, () => tencentCall(fresh.url, { secretKey: "wrong" }));
        const answer = await tencentCall(fresh.url);
        expect(answer.json.Response.Error, answer.text).to.equal(undefined);
      } finally {
        await fresh.close();
      }
    });
  });

  it("rateLimit: null never throttles", async () => {
    const sandbox = await startTestSandbox({ rateLimit: null });
    try {
      const answers = await repeat(60, () => zenlayerCall(sandbox.url));
      expect(answers.every((a) => a.status === 200)).to.equal(true);
    } finally {
      await sandbox.close();
    }
  });

  describe("TokenBuckets", () => {
    it("admits the burst, then one request per 1/rate seconds, per key", () => {
      let now = 0;
      const buckets = new TokenBuckets({ perSecond: 2, burst: 2 }, () => now);
      expect([buckets.take("a"), buckets.take("a"), buckets.take("a")]).to.deep.equal([true, true, false]);
      expect(buckets.take("b"), "another key has its own bucket").to.equal(true);
      expect(buckets.secondsUntilToken("a")).to.equal(1);
      now = 499;
      expect(buckets.take("a")).to.equal(false);
      now = 500;
      expect(buckets.take("a")).to.equal(true);
      now = 60_000;
      expect(
        [buckets.take("a"), buckets.take("a"), buckets.take("a")],
        "never more than the burst",
      ).to.deep.equal([true, true, false]);
    });
  });
});
