import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { tencentSuccess } from "../support/bodies.js";
import { startFaultServer } from "../support/fault-server.js";
import { ndjsonLines } from "../support/ndjson-lines.js";
import { readValidReport } from "../support/report-validator.js";
import { builtBin as bin, projectRoot, runNode } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const LINES = 1_000_000;

/** Resolves with the first line of `stream` that matches, or rejects when the stream ends first. */
function lineMatching(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.on("line", (line) => {
      if (!pattern.test(line)) return;
      resolve(line);
      lines.close();
    });
    lines.on("close", () => reject(new Error(`the stream ended without a line matching ${pattern}`)));
  });
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  const [code] = await once(child, "close");
  return { code, stdout };
}

describe("Ctrl-C during a check", () => {
  const tempDir = useTempDir();

  it("writes the report of what was read, marked incomplete, says so, and exits 2", async () => {
    const file = path.join(tempDir(), "long.ndjson");
    const out = createWriteStream(file);
    const block = ndjsonLines(
      Array.from({ length: 1000 }, () => ({ dialect: "tencent" as const, body: tencentSuccess() })),
    );
    for (let i = 0; i < LINES / 1000; i++) if (!out.write(block)) await once(out, "drain");
    out.end();
    await once(out, "close");

    const reportDir = path.join(tempDir(), "report");
    const child = spawn(process.execPath, [bin, "check", file, "--report-dir", reportDir], {
      cwd: projectRoot,
      env: { ...process.env, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exit = exitOf(child);
    // In CI mode the first progress line comes at the first thousand exchanges: the check is under way.
    const progress = await lineMatching(child.stderr, /^checked [\d,]+ exchange/);
    child.kill("SIGINT");
    const { code, stdout } = await exit;
    expect(code).to.equal(2);
    expect(stdout).to.match(/^conformance: interrupted \(Ctrl-C\)/);
    expect(stdout).to.include("the run was interrupted: the report is incomplete");
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.complete).to.equal(false);
    const shown = Number(/checked ([\d,]+)/.exec(progress)?.[1]?.replaceAll(",", ""));
    expect(report.summary.exchanges).to.be.at.least(shown).and.below(LINES);
    expect(report.summary.checked).to.equal(report.summary.exchanges);
    expect(report.results).to.deep.equal([]);
    expect(report.skipped).to.deep.equal([]);
  });

  it("interrupted before the command has started: exits 2 at once and says so", async () => {
    // The CLI's first module installs the handler; Ctrl-C lands before the command is even loaded.
    const script = `
      import { once } from "node:events";
      await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "dist/src/cli/interruption.js")).href)});
      const alive = setInterval(() => {}, 1000); // signals alone do not keep the event loop running
      const delivered = once(process, "SIGINT");
      process.kill(process.pid, "SIGINT");
      await delivered;
      clearInterval(alive);
      const { main } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "dist/src/cli/main.js")).href)});
      process.exitCode = await main(["check", "recordings", "--report-dir", ${JSON.stringify(tempDir())}]);
    `;
    const { code, stdout, stderr } = await runNode(["--input-type=module", "-e", script]);
    expect(code, stderr).to.equal(2);
    expect(stderr).to.equal(
      "conformance: interrupted (Ctrl-C) before the command started: nothing was done\n",
    );
    expect(stdout).to.equal("");
  });

  it("a second Ctrl-C exits at once, without a report", async () => {
    const script = `
      import { once } from "node:events";
      await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "dist/src/cli/interruption.js")).href)});
      setInterval(() => {}, 1000); // a command that does not wind down
      const delivered = once(process, "SIGINT");
      process.kill(process.pid, "SIGINT");
      await delivered;
      process.kill(process.pid, "SIGINT");
    `;
    const { code, stderr } = await runNode(["--input-type=module", "-e", script]);
    expect(code).to.equal(130);
    expect(stderr).to.include("interrupted again: exiting now, without a report");
  });
});

describe("Ctrl-C during a live run", () => {
  const tempDir = useTempDir();

  it("aborts the calls in flight, writes the report marked incomplete, and exits 2", async () => {
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = await startFaultServer(() => {
      arrived();
      return "stall-headers";
    });
    try {
      const reportDir = path.join(tempDir(), "report");
      const env = {
        ...process.env,
        TENCENTCLOUD_SECRET_ID: "AKIDInterruptTest",
        TENCENTCLOUD_SECRET_KEY: "InterruptTestKey",
      };
      const args = ["run", "--target", server.url, "--dialect", "tencent", "--headers-timeout", "60000"];
      const child = spawn(process.execPath, [bin, ...args, "--report-dir", reportDir], {
        cwd: projectRoot,
        stdio: ["ignore", "pipe", "pipe"],
        env,
      });
      const exit = exitOf(child);
      await requestArrived; // a call is in flight, stalled by the server
      child.kill("SIGINT");
      const { code, stdout } = await exit;
      expect(code).to.equal(2);
      expect(stdout).to.match(/^conformance: interrupted \(Ctrl-C\)/);
      const report = readValidReport(path.join(reportDir, "conformance.json"));
      expect(report.complete).to.equal(false);
      expect(report.transportFailures.length).to.be.greaterThan(0);
      expect(report.transportFailures.every((f) => f.kind === "aborted")).to.equal(true);
    } finally {
      await server.close();
    }
  });
});
