import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { tencentSuccess } from "../support/bodies.js";
import { startFaultServer } from "../support/fault-server.js";
import { ndjsonLines } from "../support/ndjson-lines.js";
import { readValidReport } from "../support/report-validator.js";
import { projectRoot } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const bin = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));

describe("Ctrl-C during a check", () => {
  const tempDir = useTempDir();

  it("writes the report of what was read, marked incomplete, and exits 2", async () => {
    const file = path.join(tempDir(), "long.ndjson");
    const out = createWriteStream(file);
    const block = ndjsonLines(
      Array.from({ length: 1000 }, () => ({ dialect: "tencent" as const, body: tencentSuccess() })),
    );
    for (let i = 0; i < 1000; i++) if (!out.write(block)) await once(out, "drain");
    out.end();
    await once(out, "close");

    const reportDir = path.join(tempDir(), "report");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", bin, "check", file, "--quiet", "--report-dir", reportDir],
      {
        cwd: projectRoot,
        stdio: "ignore",
      },
    );
    // Interrupt once it is under way (the report directory does not exist before the end).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill("SIGINT");
    const [code] = await once(child, "close");
    expect(code).to.equal(2);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.complete).to.equal(false);
    expect(report.summary.exchanges).to.be.lessThan(1_000_000);
    expect(report.summary.checked).to.equal(report.summary.exchanges);
  });
});

describe("Ctrl-C during a live run", () => {
  const tempDir = useTempDir();

  it("aborts the calls in flight, writes the report marked incomplete, and exits 2", async () => {
    const server = await startFaultServer(() => "stall-headers");
    try {
      const reportDir = path.join(tempDir(), "report");
      const env = {
        ...process.env,
        TENCENTCLOUD_SECRET_ID: "AKIDInterruptTest",
        TENCENTCLOUD_SECRET_KEY: "InterruptTestKey",
      };
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          bin,
          "run",
          "--target",
          server.url,
          "--dialect",
          "tencent",
          "--headers-timeout",
          "60000",
          "--quiet",
          "--report-dir",
          reportDir,
        ],
        { cwd: projectRoot, stdio: "ignore", env },
      );
      await new Promise((resolve) => setTimeout(resolve, 2500));
      child.kill("SIGINT");
      const [code] = await once(child, "close");
      expect(code).to.equal(2);
      const report = readValidReport(path.join(reportDir, "conformance.json"));
      expect(report.complete).to.equal(false);
      expect(report.transportFailures.length).to.be.greaterThan(0);
      expect(report.transportFailures.every((f) => f.kind === "aborted")).to.equal(true);
    } finally {
      await server.close();
    }
  });
});
