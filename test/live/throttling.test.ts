import { expect } from "chai";
import { selectCalls } from "../../src/live/select-calls.js";
import { backoffMs, isThrottled } from "../../src/live/throttling.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import type { Dialect } from "../../src/providers/dialect.js";
import { PRODUCTS } from "../../src/providers/registry.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/start-sandbox.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { liveRunAgainst } from "../support/sandbox-live-run.js";

/** The run's throttling probes only (tencent, alibaba kms and ess, zenlayer), against `sandbox`. */
const runThrottlingProbes = (
  sandbox: RunningSandbox,
  extra: { throttle?: (dialect: Dialect) => () => void; dialects?: Dialect[] } = {},
) =>
  liveRunAgainst(sandbox, {
    calls: selectCalls({ dialects: extra.dialects }).filter((c) => c.repeatUntilThrottled !== undefined),
    throttleRetries: 0,
    throttle: extra.throttle,
  });

const probeCells = (report: ConformanceReport) =>
  allCells(report)
    .filter((c) => c.rule === "probe-expected-code")
    .map((c) => [c.dialect, c.product, c.checked, c.failed]);

const startWith = (options: SandboxOptions) => startSandbox({ credentials: SANDBOX_CREDENTIALS, ...options });

describe("throttling", () => {
  it("recognises the documented throttling answers", () => {
    expect(
      isThrottled(
        "tencent",
        "json",
        200,
        '{"Response":{"Error":{"Code":"RequestLimitExceeded.UinLimitExceeded","Message":"m"},"RequestId":"x"}}',
      ),
    ).to.equal(true);
    expect(
      isThrottled("alibaba", "json", 400, '{"Code":"Throttling","Message":"m","RequestId":"x"}'),
    ).to.equal(true);
    expect(isThrottled("alibaba", "xml", 429, "<KMS><Code>Rejected.Throttling</Code></KMS>")).to.equal(true);
    expect(
      isThrottled("zenlayer", "json", 400, '{"code":"REQUEST_LIMIT_EXCEEDED","message":"m","requestId":"x"}'),
    ).to.equal(true);
    expect(isThrottled("zenlayer", "json", 429, "not json")).to.equal(true);
  });

  it("does not mistake other errors for throttling", () => {
    expect(
      isThrottled(
        "tencent",
        "json",
        200,
        '{"Response":{"Error":{"Code":"LimitExceeded","Message":"quota"},"RequestId":"x"}}',
      ),
    ).to.equal(false);
    expect(isThrottled("alibaba", "json", 400, '{"Code":"InvalidParameter"}')).to.equal(false);
  });

  it("waits as long as the target asks, else backs off exponentially with jitter, capped", () => {
    expect(backoffMs(0, { "x-acs-retry-after": "250" })).to.equal(250);
    expect(backoffMs(0, { "retry-after": "2" })).to.equal(2000);
    expect(backoffMs(0, {}, () => 0)).to.equal(50);
    expect(backoffMs(3, {}, () => 1)).to.equal(1200);
    expect(backoffMs(12, {}, () => 1)).to.equal(5000);
  });

  describe("throttling probes", () => {
    it("against the run's own sandbox: one request per probe, inside the sandbox's throttled state, judged as the probe", async () => {
      // No rate limit: only the hook can make these requests throttled.
      const sandbox = await startWith({ rateLimit: null });
      const taken: Dialect[] = [];
      let held = 0;
      try {
        const { report, exchanges } = await runThrottlingProbes(sandbox, {
          throttle: (dialect) => {
            taken.push(dialect);
            held++;
            const release = sandbox.throttle(dialect);
            return () => {
              held--;
              release();
            };
          },
        });
        // One throttling probe per product that defines one (src/providers/DIALECT/PRODUCT/product.ts).
        const throttling = PRODUCTS.flatMap((product) =>
          product.probes.filter((p) => p.change.repeatUntilThrottled).map((probe) => ({ product, probe })),
        );
        expect(exchanges.map((e) => e.source.probe).sort()).to.deep.equal(
          throttling.map(({ product, probe }) => `probe:${product.dialect}/${probe.name}`).sort(),
        );
        expect(exchanges.every((e) => e.probe !== undefined)).to.equal(true);
        expect(taken.sort()).to.deep.equal(throttling.map(({ product }) => product.dialect).sort());
        expect(held, "every hold released").to.equal(0);
        expect(report.summary).to.include({ checked: throttling.length, failed: 0 });
        expect(probeCells(report)).to.deep.equal(
          throttling
            .map(({ product }): [string, string, number, number] => [product.dialect, product.id, 1, 0])
            .sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`)),
        );
      } finally {
        await sandbox.close();
      }
    });

    it("against any other target (no hook): the same call until the target throttles it, judged on the throttled attempt", async () => {
      // A burst of 2 that does not refill while the test runs: the third call is throttled.
      const sandbox = await startWith({ rateLimit: { perSecond: 0.01, burst: 2 } });
      try {
        const { report, exchanges } = await runThrottlingProbes(sandbox, { dialects: ["zenlayer"] });
        // Every attempt is the probe's; rule probe-expected-code judges the group on the throttled one.
        expect(exchanges.map((e) => [e.source.probe, e.response.status, e.probe?.name])).to.deep.equal([
          ["probe:zenlayer/throttling#1", 200, "throttling"],
          ["probe:zenlayer/throttling#2", 200, "throttling"],
          ["probe:zenlayer/throttling#3", 429, "throttling"],
        ]);
        expect(probeCells(report)).to.deep.equal([["zenlayer", "bmc", 1, 0]]);
        expect(report.summary).to.include({ checked: 3, failed: 0 });
      } finally {
        await sandbox.close();
      }
    });

    it("without a hook, a target that never throttles fails the probe (the last answer is judged)", async () => {
      const sandbox = await startWith({ rateLimit: null });
      try {
        const { report, exchanges } = await runThrottlingProbes(sandbox, { dialects: ["zenlayer"] });
        expect(exchanges).to.have.length(200);
        expect(probeCells(report)).to.deep.equal([["zenlayer", "bmc", 1, 1]]);
      } finally {
        await sandbox.close();
      }
    });
  });
});
