import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { generateExchanges } from "../../bench/generate-exchanges.js";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { createEngine } from "../../src/engine/engine.js";
import { InputError } from "../../src/model/exchange.js";
import type { Shard } from "../../src/model/shard.js";
import { recordingsDir } from "../../src/project-paths.js";
import { mergeReports, type ReportFile } from "../../src/report/merge-reports.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { runCli } from "../support/run-cli.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const withoutTimings = (report: ConformanceReport) => ({
  ...report,
  startedAt: 0,
  finishedAt: 0,
  durationMs: 0,
});

describe("sharding and merge", () => {
  const tempDir = useTempDir();
  let inputs: string[];

  before(async () => {
    const generated = path.join(tempDir(), "traffic.ndjson");
    await generateExchanges(generated, { count: 2000, seed: 7 });
    const broken = path.join(tempDir(), "broken.ndjson");
    await writeFile(
      broken,
      '{"request":{"method":"GET","url":"https://www.example.com/"},"response":{"status":200,"body":"{}"}}\nnot json\n',
    );
    inputs = [recordingsDir, generated, broken];
  });

  const check = async (shard?: { index: number; total: number }) =>
    checkRecordings(inputs, await sharedEngine(), { maxBodyBytes: 1 << 20 }, { runId: "run-1", shard });

  /** The report of one shard of the shipped recordings, as `check recordings --shard i/n --run-id ID` writes it. */
  const shardOf = async (file: string, shard: Shard | undefined, runId: string, rules = {}) => {
    const engine = Object.keys(rules).length
      ? await createEngine({ rules, hosts: [], maxDepth: 256 })
      : await sharedEngine();
    const report = await checkRecordings(
      [recordingsDir],
      engine,
      { maxBodyBytes: 1 << 20 },
      { runId, shard },
    );
    return { file, report };
  };

  describe("mergeReports", () => {
    let whole: ConformanceReport;

    before(async () => {
      whole = await check();
      expect(
        whole.summary.failed,
        "the input must have failures for this to mean anything",
      ).to.be.greaterThan(100);
    });

    for (const total of [1, 3, 4]) {
      it(`merging ${total} shard report(s) gives the unsharded run's report, apart from timings`, async () => {
        const shards = [];
        for (let index = 1; index <= total; index++)
          shards.push({ file: `shard-${index}.json`, report: await check({ index, total }) });
        for (const { report } of shards)
          expect(report.summary.exchanges).to.be.lessThan(whole.summary.exchanges + (total === 1 ? 1 : 0));
        const merged = mergeReports(shards);
        expect(withoutTimings(merged)).to.deep.equal(withoutTimings(whole));
      });
    }

    it("splits deterministically: the same shard twice is the same report", async () => {
      const a = await check({ index: 2, total: 3 });
      const b = await check({ index: 2, total: 3 });
      expect(withoutTimings(a)).to.deep.equal(withoutTimings(b));
    });
  });

  describe("mergeReports refuses shards that do not belong together, naming the file at fault", () => {
    /** The InputError mergeReports throws for these parts. */
    const refusal = (parts: ReportFile[]) => {
      try {
        mergeReports(parts);
      } catch (error) {
        expect(error).to.be.instanceOf(InputError);
        return (error as InputError).message;
      }
      return expect.fail("mergeReports accepted the parts");
    };

    it("another run, a shard twice, a missing shard, another total, not a shard, nothing at all", async () => {
      const a = await shardOf("a.json", { index: 1, total: 2 }, "run-y");
      const b = await shardOf("b.json", { index: 2, total: 2 }, "run-y");
      const other = await shardOf("other.json", { index: 2, total: 2 }, "run-z");
      const again = await shardOf("again.json", { index: 1, total: 2 }, "run-y");
      const ofThree = await shardOf("of-three.json", { index: 2, total: 3 }, "run-y");
      const whole = await shardOf("whole.json", undefined, "run-y");
      expect(mergeReports([a, b]).summary.exchanges).to.equal(
        a.report.summary.exchanges + b.report.summary.exchanges,
      );
      expect(refusal([a, other])).to.equal(
        "other.json: comes from another run: run id run-z, while a.json has run-y",
      );
      expect(refusal([a, again])).to.equal("again.json: is shard 1/2 again (also a.json)");
      expect(refusal([a])).to.equal("merge: shard(s) 2/2 missing");
      expect(refusal([a, ofThree])).to.equal("of-three.json: is shard 2/3, while a.json is one of 2");
      expect(refusal([whole])).to.equal("whole.json: not a shard report (it was not made with --shard i/n)");
      expect(refusal([a, whole])).to.equal(
        "whole.json: not a shard report (it was not made with --shard i/n)",
      );
      expect(refusal([])).to.equal("merge: no report to merge");
    });

    it("shards of different suites (another configuration)", async () => {
      const a = await shardOf("a.json", { index: 1, total: 2 }, "run-c");
      const strict = await shardOf("strict.json", { index: 2, total: 2 }, "run-c", {
        "request-id-format": "error",
      });
      expect(refusal([a, strict])).to.match(
        /^strict\.json: comes from another suite or configuration: fingerprint \w+, while a\.json has \w+$/,
      );
    });
  });

  describe("conformance check --shard and conformance merge (the commands)", () => {
    const shardReport = async (name: string, shard: string, runId: string) => {
      const dir = path.join(tempDir(), name);
      const { code, stderr } = await runCli([
        "check",
        "recordings",
        "--quiet",
        "--reporter",
        "json",
        "--shard",
        shard,
        "--run-id",
        runId,
        "--report-dir",
        dir,
      ]);
      expect(code, stderr).to.equal(0);
      return path.join(dir, "conformance.json");
    };

    it("check writes the shards of one run; merge combines them and writes every format", async () => {
      const [a, b] = await Promise.all([
        shardReport("a1", "1/2", "run-x"),
        shardReport("a2", "2/2", "run-x"),
      ]);
      const shards = await Promise.all(
        [a, b].map(async (file) => JSON.parse(await readFile(file, "utf8")) as ConformanceReport),
      );
      expect(shards.map((s) => s.run)).to.deep.include.members([
        { id: "run-x", suite: shards[0]?.run.suite, shard: { index: 1, total: 2 } },
        { id: "run-x", suite: shards[0]?.run.suite, shard: { index: 2, total: 2 } },
      ]);
      const out = path.join(tempDir(), "merged");
      const { code, stdout, stderr } = await runCli(["merge", a, b, "--report-dir", out]);
      expect(code, stdout + stderr).to.equal(0);
      const whole = await checkRecordings([recordingsDir], await sharedEngine(), { maxBodyBytes: 1 << 20 });
      const { exchanges, checked } = whole.summary;
      expect(stdout).to.include("merged 2 shard report(s) of run run-x");
      expect(stdout).to.include(`${exchanges} exchange(s) read, ${checked} checked`);
      const merged = JSON.parse(await readFile(path.join(out, "conformance.json"), "utf8"));
      expect(merged.summary).to.deep.equal(whole.summary);
      for (const name of ["junit.xml", "index.html", "summary.md", "badge.json"])
        expect((await readFile(path.join(out, name), "utf8")).length, name).to.be.greaterThan(0);
    });

    it("merge exits 2 naming what is wrong, and writes nothing", async () => {
      const a = path.join(tempDir(), "lonely-shard.json");
      const { report } = await shardOf(a, { index: 1, total: 2 }, "run-y");
      await writeFile(a, JSON.stringify(report));
      const never = path.join(tempDir(), "never");
      const { code, stderr } = await runCli(["merge", a, "--report-dir", never]);
      expect(code, stderr).to.equal(2);
      expect(stderr).to.include("merge: shard(s) 2/2 missing");
      const written = await readFile(path.join(never, "conformance.json")).then(
        () => true,
        () => false,
      );
      expect(written, "no report written").to.equal(false);
    });
  });
});
