import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import type { Shard } from "../../src/model/shard.js";
import { mergeReports } from "../../src/report/merge-reports.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { harEntry, harText, writeFixture } from "../sources/source-fixtures.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const withoutTimings = (report: ConformanceReport) => ({
  ...report,
  startedAt: 0,
  finishedAt: 0,
  durationMs: 0,
});

const tencent = (id: string, status = 200) =>
  harEntry(JSON.stringify({ Response: { RequestId: id } }), {
    response: {
      status,
      headers: [{ name: "Content-Type", value: "application/json" }],
      content: {
        size: -1,
        mimeType: "application/json",
        text: JSON.stringify({ Response: { RequestId: id } }),
      },
    },
  });

const line = (id: string) =>
  JSON.stringify({
    request: { method: "POST", url: "https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys" },
    response: {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ RequestId: id, Keys: { Key: [] }, TotalCount: 0, PageNumber: 1, PageSize: 10 }),
    },
  });

/** The input errors of whole files: those that are not a skipped entry's. */
function fileProblems(report: ConformanceReport): ConformanceReport["inputErrors"] {
  const entries = new Set(
    report.skipped.map((s) => JSON.stringify([s.source.file, s.source.index, s.reason])),
  );
  return report.inputErrors.filter((e) => !entries.has(JSON.stringify([e.file, e.index, e.message])));
}

describe("check --shard i/n over damaged recordings: every entry in exactly one shard", () => {
  const tempDir = useTempDir();
  let inputs: string[];
  let whole: ConformanceReport;

  const check = async (shard?: Shard) =>
    checkRecordings(inputs, await sharedEngine(), { maxBodyBytes: 1 << 20 }, { runId: "run-s", shard });

  before(async () => {
    const dir = tempDir();
    const entries = harText([
      tencent("a"),
      5,
      tencent("b", 500),
      harEntry("", { response: { status: 200, content: { size: 3 } } }),
      tencent("c"),
    ]);
    // A bad escape inside entry 1: the file's grammar holds, the entry does not parse.
    const badEscape = harText([tencent("d"), { request: "MARK" }, tencent("e")]).replace("MARK", "\\x");
    inputs = [
      await writeFixture(dir, "entries.har", entries),
      path.join(dir, "missing.har"),
      await writeFixture(dir, "bad-escape.har", badEscape),
      await writeFixture(dir, "cut.har", harText([tencent("f"), tencent("g"), tencent("h")]).slice(0, -200)),
      await writeFixture(
        dir,
        "lines.ndjson",
        [line("i"), "", "not json", '{"request":1}', line("j"), ""].join("\n"),
      ),
      await writeFixture(dir, "empty.har", ""),
      await writeFixture(dir, "tail.ndjson", `${line("k")}\n${line("l")}`),
    ];
    whole = await check();
    expect(whole.summary.skipped, "the inputs must hold damaged entries").to.be.greaterThan(3);
    // The missing file, the file cut off inside its entry 2 (which takes no ordinal), the empty file.
    expect(fileProblems(whole).map((e) => [path.basename(e.file), e.index])).to.deep.equal([
      ["cut.har", 2],
      ["empty.har", undefined],
      ["missing.har", undefined],
    ]);
  });

  for (const total of [2, 3, 4, 7]) {
    it(`${total} shards: each entry read once; whole-file problems in every shard; merged = unsharded`, async () => {
      const shards: { file: string; report: ConformanceReport }[] = [];
      for (let index = 1; index <= total; index++)
        shards.push({ file: `shard-${index}.json`, report: await check({ index, total }) });
      const key = (s: { source: { file?: string; index?: number } }) => `${s.source.file}#${s.source.index}`;
      expect(shards.flatMap(({ report }) => report.skipped.map(key)).sort()).to.deep.equal(
        whole.skipped.map(key).sort(),
      );
      expect(shards.reduce((sum, { report }) => sum + report.summary.exchanges, 0)).to.equal(
        whole.summary.exchanges,
      );
      for (const { report } of shards) {
        expect(fileProblems(report)).to.deep.equal(fileProblems(whole));
        expect(report.complete).to.equal(false);
      }
      expect(withoutTimings(mergeReports(shards))).to.deep.equal(withoutTimings(whole));
    });
  }
});
