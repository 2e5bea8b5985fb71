import { expect } from "chai";
import { SandboxThrottling } from "../../src/sandbox/sandbox-throttling.js";
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

  it("rateLimit: null never throttles on its own (only a hold does)", async () => {
    const sandbox = await startTestSandbox({ rateLimit: null });
    try {
      const answers = await repeat(60, () => zenlayerCall(sandbox.url));
      expect(answers.every((a) => a.status === 200)).to.equal(true);
    } finally {
      await sandbox.close();
    }
  });

  describe("throttle(dialect): the throttled state, on demand", () => {
    let sandbox: RunningSandbox;
    beforeEach(async () => {
      // No rate limit: only the hold throttles.
      sandbox = await startTestSandbox({ rateLimit: null });
    });
    afterEach(() => sandbox.close());

    const kms = { action: "DescribeRegions", product: "kms" as const };
    const ess = {
      action: "DescribeScalingGroups",
      product: "ess" as const,
      params: { RegionId: "cn-hangzhou" },
    };

    it("Tencent: every request gets RequestLimitExceeded (HTTP 200) while held, none after the release", async () => {
      const release = sandbox.throttle("tencent");
      const held = await repeat(3, () => tencentCall(sandbox.url));
      expect(held.map((a) => [a.status, a.json.Response.Error?.Code])).to.deep.equal([
        [200, "RequestLimitExceeded"],
        [200, "RequestLimitExceeded"],
        [200, "RequestLimitExceeded"],
      ]);
      expect(await errorsOf(held[0] as Exchange)).to.deep.equal([]);
      expect((await zenlayerCall(sandbox.url)).status, "another dialect is not held").to.equal(200);
      release();
      const after = await tencentCall(sandbox.url);
      expect(after.json.Response.Error, after.text).to.equal(undefined);
    });

    it("Alibaba: KMS Rejected.Throttling 429 with Retry-After (JSON), ESS Throttling 400 (XML)", async () => {
      const release = sandbox.throttle("alibaba");
      const kmsAnswer = await alibabaCall(sandbox.url, kms);
      expect([kmsAnswer.status, kmsAnswer.json.Code, kmsAnswer.json.HttpStatus]).to.deep.equal([
        429,
        "Rejected.Throttling",
        429,
      ]);
      expect(Number(kmsAnswer.headers["retry-after"])).to.be.greaterThan(0);
      expect(await errorsOf(kmsAnswer)).to.deep.equal([]);
      const essAnswer = await alibabaCall(sandbox.url, { ...ess, format: "XML" });
      expect(essAnswer.status).to.equal(400);
      expect(essAnswer.text).to.contain("<Code>Throttling</Code>");
      expect(await errorsOf(essAnswer)).to.deep.equal([]);
      release();
      expect((await alibabaCall(sandbox.url, kms)).status).to.equal(200);
    });

    it("Zenlayer: REQUEST_LIMIT_EXCEEDED 429 with Retry-After", async () => {
      const release = sandbox.throttle("zenlayer");
      const answer = await zenlayerCall(sandbox.url);
      expect([answer.status, answer.json.code]).to.deep.equal([429, "REQUEST_LIMIT_EXCEEDED"]);
      expect(Number(answer.headers["retry-after"])).to.be.greaterThan(0);
      expect(await errorsOf(answer)).to.deep.equal([]);
      release();
      expect((await zenlayerCall(sandbox.url)).status).to.equal(200);
    });

    it("holds are counted: KMS and ESS share the Alibaba key, and the first release leaves the second hold in force", async () => {
      const releaseKms = sandbox.throttle("alibaba");
      const releaseEss = sandbox.throttle("alibaba");
      releaseKms();
      releaseKms(); // a second call of the same release does nothing
      expect((await alibabaCall(sandbox.url, ess)).json.Code).to.equal("Throttling");
      releaseEss();
      expect((await alibabaCall(sandbox.url, ess)).status).to.equal(200);
    });

    it("checks before throttling still come first: a bad signature is answered as such while held", async () => {
      const release = sandbox.throttle("tencent");
      const answer = await tencentCall(sandbox.url, { secretKey: "wrong" });
      expect(answer.json.Response.Error.Code).to.equal("AuthFailure.SignatureFailure");
      release();
    });

    it("a held key takes no tokens: the rate limit is intact after the release", async () => {
      const limited = await startTestSandbox({ rateLimit: { perSecond: 0.01, burst: 1 } });
      try {
        const release = limited.throttle("zenlayer");
        await repeat(3, () => zenlayerCall(limited.url));
        release();
        expect((await zenlayerCall(limited.url)).status, "the one token is still there").to.equal(200);
        expect((await zenlayerCall(limited.url)).status, "then the bucket throttles").to.equal(429);
      } finally {
        await limited.close();
      }
    });
  });

  describe("SandboxThrottling", () => {
    it("a hold throttles its key only, counted, whatever the buckets say", () => {
      const throttling = new SandboxThrottling({ perSecond: 1, burst: 5 }, () => 0);
      const first = throttling.hold("alibaba:k");
      const second = throttling.hold("alibaba:k");
      expect([throttling.admit("alibaba:k"), throttling.admit("tencent:k")]).to.deep.equal([false, true]);
      first();
      first();
      expect(throttling.admit("alibaba:k")).to.equal(false);
      second();
      expect(throttling.admit("alibaba:k")).to.equal(true);
    });

    it("Retry-After: the bucket's wait with a rate limit, 1 s for a hold without one, none when nothing throttles", () => {
      const unlimited = new SandboxThrottling(null);
      expect(unlimited.retryAfterSeconds("zenlayer:k")).to.equal(undefined);
      const release = unlimited.hold("zenlayer:k");
      expect(unlimited.retryAfterSeconds("zenlayer:k")).to.equal(1);
      release();
      expect(unlimited.admit("zenlayer:k")).to.equal(true);
      const limited = new SandboxThrottling({ perSecond: 0.5, burst: 1 }, () => 0);
      limited.admit("zenlayer:k");
      expect(limited.retryAfterSeconds("zenlayer:k")).to.equal(2);
    });
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
