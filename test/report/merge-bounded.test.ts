import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { decideGate } from "../../src/gate/gate.js";
import { renderJsonReport } from "../../src/report/json-report.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { mergeReports } from "../../src/report/merge-reports.js";
import { readReport } from "../../src/report/read-report.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { reportFrom, shuffled } from "../engine/report-builder-traffic.js";
import { useTempDir } from "../support/temp-dir.js";

const N = 150;

const withoutTimings = (report: ConformanceReport) => ({
  ...report,
  startedAt: 0,
  finishedAt: 0,
  durationMs: 0,
});

/** The report as a version from before the detail limit and passingCells would have written it. */
function asVersion1(report: ConformanceReport): ConformanceReport {
  const { passingCells: _p, detailLimit: _d, ...rest } = report;
  const {
    resultsOmitted: _r,
    skippedOmitted: _s,
    skippedReasons: _k,
    skippedOtherReasons: _o,
    ...summary
  } = report.summary;
  return { ...rest, reportVersion: 1, summary, matrix: allCells(report) };
}

/** Shard `index` of `total` of entries 0…N-1 (every total-th entry), in shuffled arrival order. */
const shardOf = (index: number, total: number, maxResults: number) =>
  reportFrom(
    shuffled(N, index).filter((i) => i % total === index - 1),
    { maxResults, shard: { index, total } },
  );

describe("merging bounded shard reports", () => {
  const tempDir = useTempDir();

  for (const [total, limit] of [
    [1, 5],
    [3, 5],
    [4, 1],
    [3, 0],
    [2, 40],
    [5, 1000],
  ] as const) {
    it(`merging ${total} shard(s) cut at ${limit} gives the unsharded report cut at ${limit}, apart from timings`, async () => {
      const whole = await reportFrom(shuffled(N), { maxResults: limit });
      const shards = [];
      for (let index = 1; index <= total; index++)
        shards.push({ file: `shard-${index}.json`, report: await shardOf(index, total, limit) });
      const merged = mergeReports(shards);
      expect(withoutTimings(merged)).to.deep.equal(withoutTimings(whole));
      // The same text, member for member, as the unsharded run writes.
      expect(renderJsonReport(withoutTimings(merged) as unknown as ConformanceReport)).to.equal(
        renderJsonReport(withoutTimings(whole) as unknown as ConformanceReport),
      );
      if (limit < 20) expect(merged.summary.resultsOmitted).to.be.greaterThan(0);
    });
  }

  it("merges with the tightest shard's limit when the shards' limits differ", async () => {
    const merged = mergeReports([
      { file: "1.json", report: await shardOf(1, 2, 4) },
      { file: "2.json", report: await shardOf(2, 2, 9) },
    ]);
    const whole = await reportFrom(shuffled(N), { maxResults: 4 });
    expect(withoutTimings(merged)).to.deep.equal(withoutTimings(whole));
  });

  it("reads and merges reports written before the limit (version 1: every cell in matrix, no counts)", async () => {
    const whole = await reportFrom(shuffled(N), { maxResults: 100_000 });
    const old = [];
    for (let index = 1; index <= 3; index++) {
      const report = asVersion1(await shardOf(index, 3, 100_000));
      const file = path.join(tempDir(), `old-${index}.json`);
      await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
      old.push({ file, report: await readReport(file) });
    }
    expect(old[0]?.report.reportVersion).to.equal(1);
    const merged = mergeReports(old);
    const { detailLimit: _d, ...expected } = whole;
    expect(withoutTimings(merged)).to.deep.equal(withoutTimings(expected as ConformanceReport));
    // An old shard beside new ones: still the same report.
    const mixed = mergeReports([
      old[0] as { file: string; report: ConformanceReport },
      { file: "2.json", report: await shardOf(2, 3, 100_000) },
      { file: "3.json", report: await shardOf(3, 3, 100_000) },
    ]);
    expect(withoutTimings(mixed)).to.deep.equal(withoutTimings(whole));
  });

  it("writes reports that the schema accepts, and reads them back", async () => {
    const report = await reportFrom(shuffled(N), { maxResults: 3 });
    const file = path.join(tempDir(), "conformance.json");
    await writeFile(file, renderJsonReport(report));
    expect(await readReport(file)).to.deep.equal(report);
  });

  it("gives the gate the same decisions from a cut report as from its version 1 form", async () => {
    const report = await reportFrom(shuffled(N), { maxResults: 2 });
    const old = asVersion1(await reportFrom(shuffled(N), { maxResults: 100_000 }));
    const failing = report.matrix.filter((c) => c.failed > 0)[0];
    const passing = allCells(report).find((c) => c.failed === 0 && c.warned === 0);
    expect(failing && passing, "the traffic has a failing and a passing cell").to.not.equal(undefined);
    const cell = (c: typeof failing) => ({
      dialect: c?.dialect as string,
      product: c?.product as string,
      action: c?.action as string,
      rule: c?.rule as string,
    });
    const baselines = [
      undefined,
      { baselineVersion: 1 as const, expectedFailures: report.matrix.filter((c) => c.failed > 0).map(cell) },
      // A listed failure that passes now must fail the gate, not be taken for "not checked".
      { baselineVersion: 1 as const, expectedFailures: [cell(failing), cell(passing)] },
      { baselineVersion: 1 as const, expectedFailures: [{ ...cell(passing), action: "NeverSeen" }] },
    ];
    for (const baseline of baselines)
      for (const failOn of ["error", "warning"] as const) {
        const options = { baseline, failOn, minScore: 50 };
        expect(decideGate(report, options)).to.deep.equal(decideGate(old, options));
      }
    const stale = decideGate(report, { baseline: baselines[2] });
    expect(stale.reasons.some((r) => r.startsWith("listed in the baseline but passes now"))).to.equal(true);
  });
});
