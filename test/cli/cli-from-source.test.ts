// Every other test runs the CLI from the build (dist/src/cli/bin.js), as it is installed; this one runs it
// from its TypeScript source through tsx, as in development, so that the source entry point keeps working.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir } from "../../src/project-paths.js";
import { readValidReport } from "../support/report-validator.js";
import { runCliFromSource } from "../support/run-cli.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

describe("the CLI from its TypeScript source (node --import tsx src/cli/bin.ts)", () => {
  const tempDir = useTempDir();

  it("checks a shipped recording: exit 0, and the report the engine gives in process", async () => {
    const har = path.join(recordingsDir, "zenlayer-bmc.har");
    const { code, stdout, stderr } = await runCliFromSource([
      "check",
      har,
      "--quiet",
      "--reporter",
      "json",
      "--report-dir",
      tempDir(),
    ]);
    expect(code, `${stdout}\n${stderr}`).to.equal(0);
    const report = readValidReport(path.join(tempDir(), "conformance.json"));
    const entries = JSON.parse(await readFile(har, "utf8")).log.entries.length;
    expect(entries).to.be.greaterThan(0);
    expect(report.complete).to.equal(true);
    expect(report.summary).to.include({ exchanges: entries, checked: entries, failed: 0, score: 100 });
    const inProcess = await checkRecordings([har], await sharedEngine(), { maxBodyBytes: 1 << 20 });
    expect(report.matrix).to.deep.equal(inProcess.matrix);
  });
});
