// --max-warnings N (ESLint's semantics): the gate fails when the report's warning findings exceed N.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { parseMaxWarnings } from "../../src/cli/gate-options.js";
import { decideGate, maxWarningsProblem } from "../../src/gate/gate.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";
import { MIXED_TRAFFIC, reportOf } from "./gate-reports.js";

describe("--max-warnings", () => {
  const tempDir = useTempDir();

  it("fails only when the warning findings exceed N; -1 and absent mean no limit", async () => {
    const report = await reportOf(MIXED_TRAFFIC);
    const warnings = report.summary.findings.warning;
    expect(warnings).to.equal(1);
    expect(maxWarningsProblem(report, undefined)).to.equal(undefined);
    expect(maxWarningsProblem(report, -1)).to.equal(undefined);
    expect(maxWarningsProblem(report, 1)).to.equal(undefined);
    expect(maxWarningsProblem(report, 0)).to.equal("1 warning exceed --max-warnings 0");
    report.summary.findings.warning = 12;
    expect(maxWarningsProblem(report, 10)).to.equal("12 warnings exceed --max-warnings 10");
  });

  it("is one more reason of the verdict, beside the others", async () => {
    const report = await reportOf(MIXED_TRAFFIC);
    const verdict = decideGate(report, { minScore: 0, maxWarnings: 0 });
    expect(verdict.passed).to.equal(false);
    expect(verdict.reasons).to.deep.equal(["1 warning exceed --max-warnings 0"]);
    expect(decideGate(report, { minScore: 0, maxWarnings: 1 }).passed).to.equal(true);
    expect(decideGate(report, { minScore: 0 }).passed).to.equal(true);
  });

  it("takes whole numbers from -1 up", () => {
    expect(parseMaxWarnings(undefined)).to.equal(undefined);
    expect(parseMaxWarnings("-1")).to.equal(-1);
    expect(parseMaxWarnings("10")).to.equal(10);
    expect(() => parseMaxWarnings("-2")).to.throw(/--max-warnings must be a number from -1/);
    expect(() => parseMaxWarnings("1.5")).to.throw(/whole number/);
    expect(() => parseMaxWarnings("x")).to.throw(/--max-warnings/);
  });

  it("conformance gate --max-warnings: exit 1 naming the reason, 0 within the limit, 2 on a bad value", async () => {
    const dir = path.join(tempDir(), "mixed");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, "conformance.json");
    await writeFile(file, JSON.stringify(await reportOf(MIXED_TRAFFIC)));
    const over = await runCli(["gate", file, "--min-score", "0", "--max-warnings", "0"]);
    expect(over.code, over.stdout + over.stderr).to.equal(1);
    expect(over.stdout).to.equal("gate: FAILED\n  - 1 warning exceed --max-warnings 0\n");
    const within = await runCli(["gate", file, "--min-score", "0", "--max-warnings", "1"]);
    expect(within.code, within.stdout + within.stderr).to.equal(0);
    const bad = await runCli(["gate", file, "--max-warnings", "-5"]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("--max-warnings must be a number from -1");
  });
});
