import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance gate", () => {
  const tempDir = useTempDir();
  let report: ConformanceReport;

  before(async () => {
    const { code } = await runCli(["check", "recordings", "--quiet", "--report-dir", tempDir()]);
    expect(code).to.equal(0);
    report = JSON.parse(await readFile(path.join(tempDir(), "conformance.json"), "utf8"));
  });

  async function gate(changed: (r: ConformanceReport) => void, ...flags: string[]) {
    const copy = structuredClone(report);
    changed(copy);
    const file = path.join(tempDir(), `gate-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(copy));
    return runCli(["gate", file, ...flags]);
  }

  it("passes a conformant report", async () => {
    const { code, stdout } = await gate(() => {});
    expect(code).to.equal(0);
    expect(stdout).to.include("gate: PASSED");
  });

  it("fails a score below --min-score and says why; passes it when the minimum is lower", async () => {
    const lower = (r: ConformanceReport) => {
      r.summary.passed = 27;
      r.summary.failed = 2;
      r.summary.score = 93.1;
    };
    const failed = await gate(lower);
    expect(failed.code).to.equal(1);
    expect(failed.stdout).to.include(
      "score 93.10 is below the minimum 100 (2 of 29 checked exchanges failed)",
    );
    expect((await gate(lower, "--min-score", "90")).code).to.equal(0);
  });

  it("fails an incomplete report", async () => {
    const { code, stdout } = await gate((r) => {
      r.complete = false;
      r.inputErrors.push({ file: "x.har", index: 3, message: "truncated" });
    });
    expect(code).to.equal(1);
    expect(stdout).to.include("1 input error(s)");
  });

  it("exits 2 for a file that is not a conformance report", async () => {
    const file = path.join(tempDir(), "not-a-report.json");
    await writeFile(file, JSON.stringify({ log: { entries: [] } }));
    const { code, stderr } = await runCli(["gate", file]);
    expect(code).to.equal(2);
    expect(stderr).to.include(`${file}: not a conformance report`);
    const missing = await runCli(["gate", path.join(tempDir(), "missing.json")]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include("cannot read");
    expect((await runCli(["gate", file, "--min-score", "101"])).code).to.equal(2);
  });
});
