import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { tencentError, tencentSuccess, zenlayerSuccess } from "../support/bodies.js";
import { ndjsonLines } from "../support/ndjson-lines.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance gate: --fail-on, the expected-failures baseline, --update-baseline", () => {
  const tempDir = useTempDir();
  let report: string;
  const baselineFile = () => path.join(tempDir(), "baseline.json");

  before(async () => {
    const traffic = path.join(tempDir(), "traffic.ndjson");
    await writeFile(
      traffic,
      ndjsonLines([
        { dialect: "tencent", action: "DescribeZones", status: 400, body: tencentError() },
        { dialect: "tencent", action: "DescribeZones", body: tencentSuccess({ RequestId: "not-a-uuid" }) },
        {
          dialect: "zenlayer",
          action: "DescribeInstances",
          body: zenlayerSuccess({ totalCount: 0, dataSet: [] }),
        },
      ]),
    );
    const dir = path.join(tempDir(), "report");
    const { code } = await runCli(["check", traffic, "--quiet", "--report-dir", dir]);
    expect(code).to.equal(1);
    report = path.join(dir, "conformance.json");
  });

  const gate = (...flags: string[]) => runCli(["gate", report, ...flags]);
  const writeBaseline = (expectedFailures: unknown[]) =>
    writeFile(baselineFile(), JSON.stringify({ baselineVersion: 1, expectedFailures }));
  const statusOutcome = {
    dialect: "tencent",
    product: "cvm",
    action: "DescribeZones",
    rule: "status-outcome",
  };

  it("without a baseline the failure fails the gate, and the verdict goes into summary.md", async () => {
    const { code, stdout } = await gate();
    expect(code).to.equal(1);
    expect(stdout).to.include("gate: FAILED");
    const summary = await readFile(path.join(path.dirname(report), "summary.md"), "utf8");
    expect(summary).to.include("score 66.66 is below the minimum 100");
  });

  it("a listed failure passes", async () => {
    await writeBaseline([{ ...statusOutcome, reason: "TC-1234: the gateway maps errors to 400" }]);
    const { code, stdout } = await gate("--baseline", baselineFile());
    expect(code, stdout).to.equal(0);
    expect(stdout).to.include("1 accepted failure(s) of the baseline still fail as listed");
  });

  it("an unlisted failure fails, naming it", async () => {
    await writeBaseline([]);
    const { code, stdout } = await gate("--baseline", baselineFile());
    expect(code).to.equal(1);
    expect(stdout).to.include("new failure, not in the baseline: tencent/cvm/DescribeZones: status-outcome");
  });

  it("a listed failure that now passes fails too, so the baseline cannot go stale", async () => {
    await writeBaseline([
      statusOutcome,
      { dialect: "zenlayer", product: "bmc", action: "DescribeInstances", rule: "status-outcome" },
    ]);
    const { code, stdout } = await gate("--baseline", baselineFile());
    expect(code).to.equal(1);
    expect(stdout).to.include(
      "listed in the baseline but passes now (remove it, or --update-baseline): zenlayer/bmc/DescribeInstances: status-outcome",
    );
  });

  it("--fail-on warning makes warnings fail, baseline or not", async () => {
    expect((await gate("--min-score", "50")).code).to.equal(0);
    const warning = await gate("--min-score", "50", "--fail-on", "warning");
    expect(warning.code).to.equal(1);
    expect(warning.stdout).to.include("drew warnings (--fail-on warning)");
    await writeBaseline([statusOutcome]);
    const listedOnlyErrors = await gate("--baseline", baselineFile(), "--fail-on", "warning");
    expect(listedOnlyErrors.stdout).to.include(
      "new failure, not in the baseline: tencent/cvm/DescribeZones: request-id-format",
    );
  });

  it("--update-baseline writes the current failures, keeping reasons; the gate then passes", async () => {
    await writeBaseline([{ ...statusOutcome, reason: "TC-1234" }]);
    const updated = await gate("--baseline", baselineFile(), "--update-baseline", "--fail-on", "warning");
    expect(updated.code).to.equal(0);
    const written = JSON.parse(await readFile(baselineFile(), "utf8"));
    expect(written.expectedFailures).to.deep.equal([
      { ...statusOutcome, rule: "request-id-format" },
      { ...statusOutcome, reason: "TC-1234" },
    ]);
    expect((await gate("--baseline", baselineFile(), "--fail-on", "warning")).code).to.equal(0);
  });

  it("a corrupt baseline or a bad flag: a clear message, exit 2", async () => {
    await writeFile(baselineFile(), '{"baselineVersion": 1, "expectedFailures": [{"rule": 3}]');
    const corrupt = await gate("--baseline", baselineFile());
    expect(corrupt.code).to.equal(2);
    expect(corrupt.stderr).to.include("the baseline is not valid JSON");
    await writeFile(baselineFile(), '{"baselineVersion": 1, "expectedFailures": [{"rule": 3}]}');
    const invalid = await gate("--baseline", baselineFile());
    expect(invalid.stderr).to.include("not a baseline (schemas/baseline.schema.json)");
    expect((await gate("--fail-on", "info")).code).to.equal(2);
    expect((await gate("--update-baseline")).stderr).to.include("--update-baseline needs --baseline FILE");
  });
});
