// The gate's decisions are tested on reports in memory (test/gate/decide-gate.test.ts); here, what only the
// command does: read the files, print the verdict, write summary.md and badge.json, exit 0, 1 or 2.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { readBaseline } from "../../src/gate/baseline.js";
import { decideGate } from "../../src/gate/gate.js";
import { InputError } from "../../src/model/exchange.js";
import { recordingsDir } from "../../src/project-paths.js";
import { readReport } from "../../src/report/read-report.js";
import { MIXED_TRAFFIC, REQUEST_ID_FORMAT, reportOf, STATUS_OUTCOME } from "../gate/gate-reports.js";
import { runCli } from "../support/run-cli.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance gate", () => {
  const tempDir = useTempDir();
  /** A conformance.json of the shipped recordings (conformant), and one of MIXED_TRAFFIC (score 66.66). */
  let conformant: string;
  let mixed: string;

  async function writeReportFile(name: string, report: unknown): Promise<string> {
    const dir = path.join(tempDir(), name);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, "conformance.json");
    await writeFile(file, JSON.stringify(report));
    return file;
  }

  const writeBaselineFile = async (name: string, expectedFailures: unknown[]) => {
    const file = path.join(tempDir(), name);
    await writeFile(file, JSON.stringify({ baselineVersion: 1, expectedFailures }));
    return file;
  };

  before(async () => {
    const engine = await sharedEngine();
    conformant = await writeReportFile(
      "conformant",
      await checkRecordings([recordingsDir], engine, { maxBodyBytes: 1 << 20 }),
    );
    mixed = await writeReportFile("mixed", await reportOf(MIXED_TRAFFIC));
  });

  it("passes a conformant report: exit 0, the verdict printed, summary.md and badge.json written beside it", async () => {
    const { code, stdout, stderr } = await runCli(["gate", conformant]);
    expect(code, stdout + stderr).to.equal(0);
    expect(stdout).to.match(/^gate: PASSED\n {2}- score 100\.00 ≥ 100 over \d+ checked exchange\(s\)\n$/);
    const dir = path.dirname(conformant);
    expect(await readFile(path.join(dir, "summary.md"), "utf8")).to.include("**Gate: passed**");
    expect(JSON.parse(await readFile(path.join(dir, "badge.json"), "utf8")).color).to.equal("brightgreen");
  });

  it("fails a non-conformant report: exit 1, each reason on a line, the verdict in summary.md", async () => {
    const { code, stdout, stderr } = await runCli(["gate", mixed]);
    expect(code, stdout + stderr).to.equal(1);
    const reason = "score 66.66 is below the minimum 100 (1 of 3 checked exchanges failed)";
    expect(stdout, stderr).to.equal(`gate: FAILED\n  - ${reason}\n`);
    const summary = await readFile(path.join(path.dirname(mixed), "summary.md"), "utf8");
    expect(summary).to.include("**Gate: failed**");
    expect(summary).to.include(reason);
  });

  it("hands --min-score, --fail-on and --baseline to the gate", async () => {
    const baseline = await writeBaselineFile("listed.json", [STATUS_OUTCOME]);
    // Each process gets its own copy: the gate writes summary.md and badge.json beside the report.
    const report = await readFile(mixed, "utf8");
    const [lowerReport, warningsReport] = await Promise.all(
      ["mixed-min-score", "mixed-fail-on"].map((name) => writeReportFile(name, JSON.parse(report))),
    );
    const [lower, warnings] = await Promise.all([
      runCli(["gate", lowerReport as string, "--min-score", "50"]),
      runCli(["gate", warningsReport as string, "--baseline", baseline, "--fail-on", "warning"]),
    ]);
    expect(lower.code, lower.stdout + lower.stderr).to.equal(0);
    expect(lower.stdout).to.include("score 66.66 ≥ 50 over 3 checked exchange(s)");
    expect(warnings.code, warnings.stdout + warnings.stderr).to.equal(1);
    expect(warnings.stdout, warnings.stderr).to.include(
      "new failure, not in the baseline: tencent/cvm/DescribeZones: request-id-format",
    );
  });

  it("--update-baseline writes the current failures at the --fail-on level, keeping reasons, and exits 0", async () => {
    const file = await writeBaselineFile("update.json", [{ ...STATUS_OUTCOME, reason: "TC-1234" }]);
    const { code, stdout, stderr } = await runCli([
      "gate",
      mixed,
      "--baseline",
      file,
      "--update-baseline",
      "--fail-on",
      "warning",
    ]);
    expect(code, stdout + stderr).to.equal(0);
    expect(stdout).to.include(`baseline: wrote 2 expected failure(s) to ${file}`);
    const written = await readBaseline(file);
    expect(written.expectedFailures).to.deep.equal([
      REQUEST_ID_FORMAT,
      { ...STATUS_OUTCOME, reason: "TC-1234" },
    ]);
    const report = await readReport(mixed);
    expect(decideGate(report, { baseline: written, failOn: "warning" }).passed).to.equal(true);
  });

  it("exits 2 with a message naming the file for a file that is not a report, or a corrupt baseline", async () => {
    const notReport = path.join(tempDir(), "not-a-report.json");
    await writeFile(notReport, JSON.stringify({ log: { entries: [] } }));
    const corrupt = path.join(tempDir(), "corrupt-baseline.json");
    await writeFile(corrupt, '{"baselineVersion": 1, "expectedFailures": [{"rule": 3}]');
    const [report, baseline] = await Promise.all([
      runCli(["gate", notReport]),
      runCli(["gate", conformant, "--baseline", corrupt]),
    ]);
    expect(report.code, report.stderr).to.equal(2);
    expect(report.stderr).to.include(`${notReport}: not a conformance report`);
    expect(baseline.code, baseline.stderr).to.equal(2);
    expect(baseline.stderr).to.include(`${corrupt}: the baseline is not valid JSON`);
  });

  it("exits 2 for usage errors: a minimum out of range, an unknown level, --update-baseline alone", async () => {
    const [minScore, failOn, update] = await Promise.all([
      runCli(["gate", conformant, "--min-score", "101"]),
      runCli(["gate", conformant, "--fail-on", "info"]),
      runCli(["gate", conformant, "--update-baseline"]),
    ]);
    expect(minScore.code, minScore.stderr).to.equal(2);
    expect(minScore.stderr).to.include("--min-score must be a number from 0 to 100");
    expect(failOn.code, failOn.stderr).to.equal(2);
    expect(failOn.stderr).to.include("--fail-on must be error or warning");
    expect(update.code, update.stderr).to.equal(2);
    expect(update.stderr).to.include("--update-baseline needs --baseline FILE");
  });

  it("reads only conformance reports: readReport names the file and what is wrong", async () => {
    const notReport = path.join(tempDir(), "har.json");
    await writeFile(notReport, JSON.stringify({ log: { entries: [] } }));
    const missing = path.join(tempDir(), "missing.json");
    for (const [file, message] of [
      [notReport, `${notReport}: not a conformance report`],
      [missing, `${missing}: cannot read the conformance report`],
    ] as const) {
      const error = await readReport(file).then(
        () => expect.fail(`${file} was read as a report`),
        (e: Error) => e,
      );
      expect(error).to.be.instanceOf(InputError);
      expect(error.message).to.include(message);
    }
  });
});
