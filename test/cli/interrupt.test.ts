import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
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

async function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  let stdout = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  const [code, signal] = await once(child, "close");
  return { code, signal, stdout };
}

/** The two signals that stop a command, and how the terminal names each. */
const STOP_SIGNALS = [
  { signal: "SIGINT", label: "Ctrl-C" },
  { signal: "SIGTERM", label: "SIGTERM" },
] as const;

/** A loopback target whose first `answered` requests get a small JSON answer and the rest stall. */
async function answersThenStalls(answered: number) {
  let requests = 0;
  let arrived: () => void = () => {};
  const stalled = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = await startFaultServer(() => {
    if (++requests <= answered) return "ok";
    arrived();
    return "stall-headers";
  });
  return { ...server, stalled };
}

const liveEnv = {
  ...process.env,
  TENCENTCLOUD_SECRET_ID: "AKIDInterruptTest",
  TENCENTCLOUD_SECRET_KEY: "InterruptTestKey",
};

describe("Ctrl-C or SIGTERM during a check", () => {
  const tempDir = useTempDir();
  let file = "";

  before(async () => {
    file = path.join(tempDir(), "long.ndjson");
    const out = createWriteStream(file);
    const block = ndjsonLines(
      Array.from({ length: 1000 }, () => ({ dialect: "tencent" as const, body: tencentSuccess() })),
    );
    for (let i = 0; i < LINES / 1000; i++) if (!out.write(block)) await once(out, "drain");
    out.end();
    await once(out, "close");
  });

  for (const { signal, label } of STOP_SIGNALS) {
    it(`${signal}: writes the report of what was read, marked incomplete, says so, and exits 2`, async () => {
      const reportDir = path.join(tempDir(), `report-${signal}`);
      const child = spawn(process.execPath, [bin, "check", file, "--report-dir", reportDir], {
        cwd: projectRoot,
        env: { ...process.env, CI: "true" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const exit = exitOf(child);
      // In CI mode the first progress line comes at the first thousand exchanges: the check is under way.
      const progress = await lineMatching(child.stderr, /^checked [\d,]+ exchange/);
      child.kill(signal);
      const { code, stdout } = await exit;
      expect(code).to.equal(2);
      expect(stdout.split("\n")[0]).to.equal(
        `conformance: interrupted (${label}): the report covers only what was done before it`,
      );
      expect(stdout).to.include("the run was interrupted: the report is incomplete");
      const report = readValidReport(path.join(reportDir, "conformance.json"));
      expect(report.complete).to.equal(false);
      const shown = Number(/checked ([\d,]+)/.exec(progress)?.[1]?.replaceAll(",", ""));
      expect(report.summary.exchanges).to.be.at.least(shown).and.below(LINES);
      expect(report.summary.checked).to.equal(report.summary.exchanges);
      expect(report.results).to.deep.equal([]);
      expect(report.skipped).to.deep.equal([]);
      expect((await readdir(reportDir)).filter((f) => f.endsWith(".tmp"))).to.deep.equal([]);
    });
  }
});

describe("Ctrl-C or SIGTERM outside a command's work", () => {
  const tempDir = useTempDir();
  const interruptionModule = JSON.stringify(
    pathToFileURL(path.join(projectRoot, "dist/src/cli/interruption.js")).href,
  );

  for (const { signal, label } of STOP_SIGNALS) {
    it(`${signal} before the command has started: exits 2 at once and says so`, async () => {
      // The CLI installs the handlers first thing; the signal lands before the command is even loaded.
      const script = `
        import { once } from "node:events";
        (await import(${interruptionModule})).listenForStopSignals();
        const alive = setInterval(() => {}, 1000); // signals alone do not keep the event loop running
        const delivered = once(process, "${signal}");
        process.kill(process.pid, "${signal}");
        await delivered;
        clearInterval(alive);
        const { main } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "dist/src/cli/main.js")).href)});
        process.exitCode = await main(["check", "recordings", "--report-dir", ${JSON.stringify(tempDir())}]);
      `;
      const { code, stdout, stderr } = await runNode(["--input-type=module", "-e", script]);
      expect(code, stderr).to.equal(2);
      expect(stderr).to.equal(
        `conformance: interrupted (${label}) before the command started: nothing was done\n`,
      );
      expect(stdout).to.equal("");
    });

    it(`a second ${signal} ends the process at once by that signal, without a report`, async () => {
      const script = `
        import { once } from "node:events";
        (await import(${interruptionModule})).listenForStopSignals();
        setInterval(() => {}, 1000); // a command that does not wind down
        const delivered = once(process, "${signal}");
        process.kill(process.pid, "${signal}");
        await delivered;
        process.kill(process.pid, "${signal}");
      `;
      const ended = await runNode(["--input-type=module", "-e", script]);
      expect([ended.code, ended.signal]).to.deep.equal([null, signal]);
      const { stderr } = ended;
      expect(stderr).to.equal(`conformance: interrupted again (${label}): exiting now, without a report\n`);
    });
  }
});

describe("Ctrl-C or SIGTERM during a command that does not wind down", () => {
  const tempDir = useTempDir();

  it("ends it at once by the signal (even while a thread is blocked opening a FIFO), saying so", async () => {
    // merge reads its report from a FIFO that nobody writes: it would wait for ever.
    const fifo = path.join(tempDir(), "report.fifo");
    execFileSync("mkfifo", [fifo]);
    const script = `
      (await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "dist/src/cli/interruption.js")).href)})).listenForStopSignals();
      const { main } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, "dist/src/cli/main.js")).href)});
      setTimeout(() => process.kill(process.pid, "SIGTERM"), 0);
      process.exitCode = await main(["merge", ${JSON.stringify(fifo)}]);
    `;
    const { code, signal, stderr } = await runNode(["--input-type=module", "-e", script]);
    expect(stderr).to.equal("conformance: interrupted (SIGTERM): stopped\n");
    expect([code, signal]).to.deep.equal([null, "SIGTERM"]);
  });
});

describe("Ctrl-C or SIGTERM during a live run", () => {
  const tempDir = useTempDir();

  for (const { signal, label } of STOP_SIGNALS) {
    it(`run, ${signal}: aborts the calls in flight, writes the report marked incomplete, and exits 2`, async () => {
      const server = await answersThenStalls(0);
      try {
        const reportDir = path.join(tempDir(), `run-${signal}`);
        const args = ["run", "--target", server.url, "--dialect", "tencent", "--headers-timeout", "60000"];
        const child = spawn(process.execPath, [bin, ...args, "--report-dir", reportDir], {
          cwd: projectRoot,
          stdio: ["ignore", "pipe", "pipe"],
          env: liveEnv,
        });
        const exit = exitOf(child);
        await server.stalled; // a call is in flight, stalled by the server
        child.kill(signal);
        const { code, stdout } = await exit;
        expect(code).to.equal(2);
        expect(stdout).to.match(new RegExp(`^conformance: interrupted \\(${label}\\)`));
        const report = readValidReport(path.join(reportDir, "conformance.json"));
        expect(report.complete).to.equal(false);
        expect(report.transportFailures.length).to.be.greaterThan(0);
        expect(report.transportFailures.every((f) => f.kind === "aborted")).to.equal(true);
      } finally {
        await server.close();
      }
    });

    it(`record, ${signal}: the HAR is closed as valid JSON with the exchanges so far, no temporary file, exit 2`, async () => {
      // One call at a time: the first is answered (and recorded) before the second, which stalls, is sent.
      const server = await answersThenStalls(1);
      try {
        const dir = path.join(tempDir(), `record-${signal}`);
        const out = path.join(dir, "live.har");
        const args = ["record", "--target", server.url, "--dialect", "tencent", "--concurrency", "1"];
        const child = spawn(
          process.execPath,
          [
            bin,
            ...args,
            "--headers-timeout",
            "60000",
            "--out",
            out,
            "--report-dir",
            path.join(dir, "report"),
          ],
          { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], env: liveEnv },
        );
        const exit = exitOf(child);
        await server.stalled;
        child.kill(signal);
        const { code, stdout } = await exit;
        expect(code, stdout).to.equal(2);
        expect(stdout).to.match(new RegExp(`^conformance: interrupted \\(${label}\\)`));
        expect(stdout).to.include("recording: ").and.include("(1 exchange(s) before the interruption");
        const har = JSON.parse(await readFile(out, "utf8"));
        expect(har.log.entries).to.have.length(1);
        expect(har.log.entries[0].response.content.text).to.equal('{"ok":true}');
        expect((await readdir(dir)).sort()).to.deep.equal(["live.har", "report"]);
        const report = readValidReport(path.join(dir, "report", "conformance.json"));
        expect(report.complete).to.equal(false);
      } finally {
        await server.close();
      }
    });
  }
});

describe("SIGTERM and conformance sandbox", () => {
  it('stops the sandbox cleanly: exit 0, no "interrupted" message', async () => {
    const child = spawn(process.execPath, [bin, "sandbox"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const listening = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        if (/^sandbox listening on http:\/\/127\.0\.0\.1:\d+\n/.test(stdout)) resolve();
      });
      child.on("close", () => reject(new Error(`the sandbox exited before listening: ${stdout}${stderr}`)));
    });
    try {
      const exit = once(child, "close");
      await listening;
      child.kill("SIGTERM");
      const [code, signal] = await exit;
      expect({ code, signal }).to.deep.equal({ code: 0, signal: null });
      expect(stderr).to.equal("");
      expect(stdout).to.match(/\nsandbox stopped \(SIGTERM\)\n$/);
      expect(stdout).not.to.include("interrupted");
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
