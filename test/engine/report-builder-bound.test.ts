import { expect } from "chai";
import fc from "fast-check";
import { checkExchange } from "../../src/engine/check-exchange.js";
import { DEFAULT_MAX_RESULTS, ReportBuilder } from "../../src/engine/report-builder.js";
import { bySource, CountsByKey, FirstInOrder } from "../../src/engine/report-order.js";
import { allCells } from "../../src/report/matrix-cells.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { tencentError } from "../support/bodies.js";
import { buildExchange } from "../support/exchange-builder.js";
import { sharedEngine } from "../support/shared-engine.js";
import { reportFrom, shuffled } from "./report-builder-traffic.js";

const compare = (a: number, b: number) => a - b;

describe("report detail bound (ReportBuilder maxResults)", () => {
  describe("FirstInOrder", () => {
    it("keeps exactly the first N by order, whatever the order items are offered in", () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), fc.nat({ max: 40 }), (items, limit) => {
          const first = new FirstInOrder<number>(limit, compare);
          for (const item of items) first.offer(item);
          const expected = [...items].sort(compare).slice(0, limit);
          expect(first.sorted()).to.deep.equal(expected);
          expect(first.omitted).to.equal(items.length - expected.length);
          expect(first.size).to.be.at.most(limit);
        }),
      );
    });

    it("returns what no longer fits: the offered item, or the one it displaced", () => {
      const first = new FirstInOrder<number>(2, compare);
      expect(first.offer(5)).to.equal(undefined);
      expect(first.offer(3)).to.equal(undefined);
      expect(first.offer(9)).to.equal(9);
      expect(first.offer(1)).to.equal(5);
      expect(first.sorted()).to.deep.equal([1, 3]);
      expect(first.omitted).to.equal(2);
    });
  });

  describe("CountsByKey", () => {
    it("counts the first K keys exactly and sums the others, in any order", () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g")),
          fc.nat({ max: 8 }),
          (keys, limit) => {
            const counts = new CountsByKey(limit);
            for (const key of keys) counts.add(key);
            const all = new Map<string, number>();
            for (const key of keys) all.set(key, (all.get(key) ?? 0) + 1);
            const kept = [...all.keys()].sort().slice(0, limit);
            expect(counts.entries()).to.deep.equal(Object.fromEntries(kept.map((k) => [k, all.get(k)])));
            expect(counts.other).to.equal(keys.length - kept.reduce((n, k) => n + (all.get(k) ?? 0), 0));
          },
        ),
      );
    });
  });

  describe("ReportBuilder", () => {
    const N = 120;
    let whole: ConformanceReport;

    before(async () => {
      whole = await reportFrom(
        Array.from({ length: N }, (_, i) => i),
        { maxResults: 10_000 },
      );
      expect(whole.results.length, "the traffic must have results to cut").to.be.greaterThan(20);
      expect(whole.skipped.length).to.be.greaterThan(20);
    });

    it(`defaults to ${DEFAULT_MAX_RESULTS} and says so in the report`, async () => {
      const report = await reportFrom([0, 1, 3]);
      expect(report.detailLimit).to.equal(DEFAULT_MAX_RESULTS);
      expect(report.reportVersion).to.equal(2);
      expect(report.summary.resultsOmitted).to.equal(0);
      expect(report.summary.skippedOmitted).to.equal(0);
    });

    for (const limit of [0, 1, 7, 20]) {
      it(`keeps the first ${limit} results and skipped entries by source order when verdicts arrive shuffled`, async () => {
        const report = await reportFrom(shuffled(N), { maxResults: limit });
        expect(report.results).to.deep.equal(whole.results.slice(0, limit));
        expect(report.skipped).to.deep.equal(whole.skipped.slice(0, limit));
        expect(report.results.map((r) => r.source)).to.deep.equal(
          [...report.results.map((r) => r.source)].sort(bySource),
        );
        expect(report.summary.resultsOmitted).to.equal(whole.results.length - report.results.length);
        expect(report.summary.skippedOmitted).to.equal(whole.skipped.length - report.skipped.length);
        expect(report.detailLimit).to.equal(limit);
      });
    }

    it("keeps every count complete: summary, findings, skipped reasons and every matrix cell", async () => {
      const report = await reportFrom(shuffled(N), { maxResults: 3 });
      const { resultsOmitted, skippedOmitted, ...counts } = report.summary;
      const { resultsOmitted: _r, skippedOmitted: _s, ...wholeCounts } = whole.summary;
      expect(counts).to.deep.equal(wholeCounts);
      expect(report.summary.skippedReasons).to.deep.equal({ "reason 0": 8, "reason 1": 8, "reason 2": 8 });
      expect(report.summary.skippedOtherReasons).to.equal(0);
      expect(report.summary.exchanges).to.equal(N);
      expect(allCells(report)).to.deep.equal(allCells(whole));
      expect(report.matrix).to.deep.equal(whole.matrix);
      expect(report.passingCells).to.deep.equal(whole.passingCells);
    });

    it("splits the matrix: failing or warned cells in matrix, the others in passingCells, none in both", () => {
      expect(whole.matrix.length).to.be.greaterThan(0);
      expect(whole.matrix.every((c) => c.failed > 0 || c.warned > 0)).to.equal(true);
      const passing = allCells(whole).filter((c) => c.failed === 0 && c.warned === 0);
      expect(passing.length).to.be.greaterThan(0);
      for (const c of passing)
        expect(whole.passingCells?.[c.dialect]?.[c.product]?.[c.action]?.[c.rule]).to.equal(c.checked);
      expect(allCells(whole).length).to.equal(whole.matrix.length + passing.length);
    });

    it("holds at most maxResults results in memory while streaming many", async () => {
      const engine = await sharedEngine();
      const builder = new ReportBuilder(engine, [], { maxResults: 5 });
      const failing = checkExchange(
        buildExchange({ file: "x", index: 0, dialect: "tencent", status: 400, body: tencentError() }),
        engine,
      );
      if (failing.kind === "skipped") throw new Error("expected a checked exchange");
      for (let index = 20_000; index > 0; index--)
        builder.add({ ...failing, result: { ...failing.result, source: { file: "x", index } } });
      const heap = (builder as unknown as { results: FirstInOrder<unknown> }).results;
      expect(heap.size).to.equal(5);
      const report = builder.build();
      expect(report.results.map((r) => r.source.index)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(report.summary.resultsOmitted).to.equal(19_995);
      expect(report.summary.failed).to.equal(20_000);
    });
  });
});
