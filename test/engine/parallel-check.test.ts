// check with worker threads (src/engine/judge-pool.ts): whatever the number of workers, the report is the
// one a single thread writes, apart from timings. The inputs mix what the workers judge alone with what the
// reading thread must judge in order (a live run's recording: the throttling probes' attempts),
// damaged entries and files, many batches, both formats, and shards.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import type { JudgeWorkerData } from "../../src/engine/judge-pool.js";
import { DEFAULT_TIMEOUTS } from "../../src/live/http-exchange.js";
import { runLiveJob } from "../../src/live/live-job.js";
import type { Shard } from "../../src/model/shard.js";
import { recordingsDir } from "../../src/project-paths.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { harEntry, harText, writeFixture } from "../sources/source-fixtures.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const CONFIG: JudgeWorkerData["config"] = {
  rules: {},
  hosts: [],
  maxDepth: 256,
  actionSchemas: [],
  file: undefined,
};

const withoutTimings = (report: ConformanceReport) => ({
  ...report,
  startedAt: 0,
  finishedAt: 0,
  durationMs: 0,
});

/** A KMS ListKeys answer: conformant, or (every seventh) without its RequestId. */
const kmsLine = (n: number) =>
  JSON.stringify({
    request: { method: "POST", url: `https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys&n=${n}` },
    response: {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        ...(n % 7 === 0
          ? {}
          : { RequestId: `4C467B38-3910-447D-87BC-AC049166F${String(n).padStart(3, "0")}` }),
        Keys: { Key: [] },
        TotalCount: 0,
        PageNumber: 1,
        PageSize: 10,
      }),
    },
  });

describe("check with worker threads: the report of one thread, apart from timings", function () {
  this.timeout(60_000);
  const tempDir = useTempDir();
  let inputs: string[];

  const check = async (workers: number, shard?: Shard, batchEntries?: number, batchesPerWorker?: number) =>
    checkRecordings(
      inputs,
      await sharedEngine(),
      { maxBodyBytes: 1 << 20 },
      { runId: "run-w", shard, workers: { count: workers, config: CONFIG, batchEntries, batchesPerWorker } },
    );

  before(async () => {
    const dir = tempDir();
    // A live run's recording: its throttling probes' attempts are judged in groups.
    const live = path.join(dir, "live.har");
    await runLiveJob({
      includeRecordings: false,
      recordTo: live,
      concurrency: 4,
      timeouts: DEFAULT_TIMEOUTS,
      throttleRetries: 4,
      env: {},
    });
    // A throttling probe recorded against a target without a throttle hook: four attempts answered, the
    // fifth throttled. The group's verdict depends on the order its members arrive in.
    const har = JSON.parse(await readFile(live, "utf8"));
    const throttled = har.log.entries.find(
      (e: { _conformance?: { dialect?: string; probe?: { name?: string } } }) =>
        e._conformance?.dialect === "tencent" && e._conformance.probe?.name === "throttling",
    );
    const answered = (n: number) => {
      const text = JSON.stringify({
        Response: {
          InstanceStatusSet: [],
          TotalCount: 0,
          RequestId: `6e5e6d27-1f2a-4b3c-8d4e-5f6a7b8c9d0${n}`,
        },
      });
      return {
        ...throttled,
        response: {
          ...throttled.response,
          content: { ...throttled.response.content, size: text.length, text },
        },
      };
    };
    const attempts = await writeFixture(
      dir,
      "attempts.har",
      harText([answered(1), answered(2), answered(3), answered(4), throttled]),
    );
    const lines = Array.from({ length: 1500 }, (_, n) => (n % 250 === 3 ? "not json" : kmsLine(n)));
    inputs = [
      live,
      attempts,
      recordingsDir,
      await writeFixture(dir, "many.ndjson", `${lines.join("\n")}\n`),
      path.join(dir, "missing.har"),
      await writeFixture(
        dir,
        "cut.har",
        harText([harEntry(), harEntry(), harEntry('{"Response":{"RequestId":"r-3"}}')]).slice(0, -150),
      ),
    ];
    await writeFile(path.join(dir, "unused.txt"), "");
  });

  it("1, 2 and 3 workers (3 with batches of 3 entries): the same report as none", async () => {
    const one = await check(0);
    expect(one.summary.exchanges, "the inputs hold many batches").to.be.greaterThan(1500);
    expect(one.summary.skipped).to.be.greaterThan(5);
    expect(one.summary.failed).to.be.greaterThan(100);
    // The throttling probes' attempts belong to groups: the reading thread judges them, in their place.
    const live = JSON.parse(await readFile(inputs[0] as string, "utf8"));
    expect(
      live.log.entries.filter((e: { _conformance?: { probe?: { name?: string } } }) =>
        e._conformance?.probe?.name?.startsWith("throttling"),
      ).length,
      "throttling attempts in the live recording",
    ).to.be.greaterThan(0);
    for (const workers of [1, 2]) {
      expect(withoutTimings(await check(workers)), `${workers} worker(s)`).to.deep.equal(withoutTimings(one));
    }
    // Batches of 3: a probe's attempts fall into several batches, which must still be taken in order.
    expect(withoutTimings(await check(3, undefined, 3)), "batches of 3").to.deep.equal(withoutTimings(one));
  });

  it("batches the reading thread judges itself, while the worker's are out, take their turn like the others", async () => {
    const one = await check(0);
    // One batch in flight per worker: the next batch is judged here, and the two kinds alternate, a
    // probe's attempts falling into both.
    for (const batchEntries of [1, 2, 3, 4])
      expect(
        withoutTimings(await check(1, undefined, batchEntries, 1)),
        `batches of ${batchEntries}`,
      ).to.deep.equal(withoutTimings(one));
  });

  it("a shard judged by workers is the shard judged by one thread", async () => {
    for (const index of [1, 3]) {
      const shard = { index, total: 3 };
      expect(withoutTimings(await check(2, shard))).to.deep.equal(withoutTimings(await check(0, shard)));
    }
  });
});
