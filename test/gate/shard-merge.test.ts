import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { generateExchanges } from "../../bench/generate-exchanges.js";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir } from "../../src/project-paths.js";
import { mergeReports } from "../../src/report/merge-reports.js";
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

  for (const total of [1, 3, 4]) {
    it(`merging ${total} shard report(s) gives the unsharded run's report, apart from timings`, async () => {
      const whole = await check();
      const shards = [];
      for (let index = 1; index <= total; index++)
        shards.push({ file: `shard-${index}.json`, report: await check({ index, total }) });
      for (const { report } of shards)
        expect(report.summary.exchanges).to.be.lessThan(whole.summary.exchanges + (total === 1 ? 1 : 0));
      const merged = mergeReports(shards);
      expect(
        whole.summary.failed,
        "the input must have failures for this to mean anything",
      ).to.be.greaterThan(100);
      expect(withoutTimings(merged)).to.deep.equal(withoutTimings(whole));
    });
  }

  it("splits deterministically: the same shard twice is the same report", async () => {
    const a = await check({ index: 2, total: 3 });
    const b = await check({ index: 2, total: 3 });
    expect(withoutTimings(a)).to.deep.equal(withoutTimings(b));
  });

  describe("conformance merge refuses shards that do not belong together (exit 2)", () => {
    const shardReport = async (name: string, shard: string, runId: string, extra: string[] = []) => {
      const dir = path.join(tempDir(), name);
      const { code } = await runCli([
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
        ...extra,
      ]);
      expect(code).to.equal(0);
      return path.join(dir, "conformance.json");
    };

    it("merges the shards of one run and writes every format", async () => {
      const a = await shardReport("a1", "1/2", "run-x");
      const b = await shardReport("a2", "2/2", "run-x");
      const out = path.join(tempDir(), "merged");
      const { code, stdout } = await runCli(["merge", a, b, "--report-dir", out]);
      expect(code, stdout).to.equal(0);
      expect(stdout).to.include("merged 2 shard report(s) of run run-x");
      expect(stdout).to.include("29 exchange(s) read, 29 checked");
    });

    it("names the file at fault: another run, a shard twice, a missing shard, not a shard", async () => {
      const a = await shardReport("b1", "1/2", "run-y");
      const other = await shardReport("b2", "2/2", "run-z");
      const again = await shardReport("b3", "1/2", "run-y");
      const whole = path.join(tempDir(), "whole");
      await runCli(["check", "recordings", "--quiet", "--reporter", "json", "--report-dir", whole]);
      const cases: [string[], string][] = [
        [[a, other], `${other}: comes from another run: run id run-z, while ${a} has run-y`],
        [[a, again], `${again}: is shard 1/2 again (also ${a})`],
        [[a], "merge: shard(s) 2/2 missing"],
        [[path.join(whole, "conformance.json")], "not a shard report"],
      ];
      for (const [files, message] of cases) {
        const { code, stderr } = await runCli([
          "merge",
          ...files,
          "--report-dir",
          path.join(tempDir(), "never"),
        ]);
        expect(code, stderr).to.equal(2);
        expect(stderr).to.include(message);
      }
    });

    it("refuses shards of different suites (another configuration)", async () => {
      const config = path.join(tempDir(), "strict.config.json");
      await writeFile(config, JSON.stringify({ rules: { "request-id-format": "error" } }));
      const a = await shardReport("c1", "1/2", "run-c");
      const b = await shardReport("c2", "2/2", "run-c", ["--config", config]);
      const { code, stderr } = await runCli(["merge", a, b]);
      expect(code).to.equal(2);
      expect(stderr).to.include("comes from another suite or configuration");
    });
  });
});
