import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import {
  bytesReadBy,
  hasOpen,
  makeFifo,
  onLinux,
  peakMemoryOf,
  releaseFifo,
  until,
  within,
} from "../sources/special-files.js";
import { ALIBABA_ID, TENCENT_ID, tencentSuccess } from "../support/bodies.js";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { ndjsonLines, tencentLine } from "../support/ndjson-lines.js";
import { readValidReport } from "../support/report-validator.js";
import { builtBin, type CliResult, projectRoot, runCli, staleBuildFiles } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

function harOf(specs: ExchangeSpec[]): string {
  const entries = specs.map((spec) => {
    const { request, response } = buildExchange(spec);
    const headers = (map: Record<string, string>) =>
      Object.entries(map).map(([name, value]) => ({ name, value }));
    return {
      request: { method: request.method, url: request.url, headers: headers(request.headers) },
      response: {
        status: response.status,
        headers: headers(response.headers),
        content: { size: response.bodySize, text: response.body },
      },
    };
  });
  return JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } });
}

const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><DescribeRegionsResponse><RequestId>&lol9;</RequestId></DescribeRegionsResponse>`;

describe("bad input: every case named by file and entry, never a crash, a hang or a silent skip", () => {
  const tempDir = useTempDir();

  it("checks a folder of damaged inputs, accounts for every entry and exits 2", async () => {
    const dir = path.join(tempDir(), "inputs");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dir);
    await writeFile(path.join(dir, "a-malformed.har"), '{"log": {"entries": [ {"request": } ]}}');
    const good = harOf([
      { dialect: "tencent", body: { Response: { RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" } } },
    ]);
    await writeFile(path.join(dir, "b-truncated.har"), good.slice(0, good.length - 40));
    await writeFile(
      path.join(dir, "c-lines.ndjson"),
      [
        JSON.stringify({
          request: {
            method: "POST",
            url: "https://cvm.tencentcloudapi.com/",
            headers: { "x-tc-action": "DescribeZones" },
          },
          response: {
            status: 200,
            headers: { "content-type": "application/json" },
            body: '{"Response":{"RequestId":"b5b41468-520d-4192-b42f-595cc34b6c1c"}}',
          },
        }),
        '{"request": {"method": "POST", "url": "https://cvm.tencentcloudapi.com/"}, "response": {',
        JSON.stringify({
          request: { method: "GET", url: "https://www.example.com/" },
          response: { status: 200, body: "{}" },
        }),
      ].join("\n"),
    );
    await writeFile(
      path.join(dir, "d-bodies.har"),
      harOf([
        { dialect: "tencent", body: '{"Response": {"RequestId": "b5b41468-520d-' },
        { dialect: "tencent", body: `{"Response":${"[".repeat(100_000)}${"]".repeat(100_000)}}` },
        { dialect: "alibaba", product: "kms", action: "DescribeRegions", format: "xml", body: billionLaughs },
        {
          dialect: "zenlayer",
          body: `{"requestId":"T67723B59-F4D1-42EA-BDC1-5E67167FD8CC","pad":"${"x".repeat(50 * 1024 * 1024)}"}`,
        },
      ]),
    );
    const reportDir = path.join(tempDir(), "report");
    const { code, stdout, stderr } = await runCli(["check", dir, "--report-dir", reportDir]);
    expect(code, stderr).to.equal(2);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    const file = (name: string) => path.join(dir, name);

    const inputErrors = report.inputErrors.map(
      (e) => `${path.basename(e.file)}#${e.index ?? "-"}: ${e.message}`,
    );
    expect(inputErrors.find((e) => e.startsWith("a-malformed.har#"))).to.match(/syntax|unexpected|expected/i);
    expect(inputErrors.find((e) => e.startsWith("b-truncated.har#0"))).to.match(/truncated/);
    expect(inputErrors).to.include.members([
      `c-lines.ndjson#1: ${report.skipped.find((s) => s.source.file === file("c-lines.ndjson") && s.source.index === 1)?.reason}`,
    ]);
    expect(inputErrors.find((e) => e.startsWith("d-bodies.har#3"))).to.match(
      /over the 33,554,432-byte limit/,
    );

    const skipped = new Map(
      report.skipped.map((s) => [`${path.basename(s.source.file)}#${s.source.index}`, s.reason]),
    );
    expect(skipped.get("c-lines.ndjson#1")).to.match(/not valid JSON/);
    expect(skipped.get("c-lines.ndjson#2")).to.match(/unknown host www\.example\.com/);
    expect(skipped.get("d-bodies.har#3")).to.match(/--max-body-bytes/);

    const findings = new Map(
      report.results.map((r) => [
        `${path.basename(r.source.file)}#${r.source.index}`,
        r.findings.map((f) => `${f.rule}: ${f.message}`),
      ]),
    );
    expect(findings.get("d-bodies.har#0")?.[0]).to.match(/^body-parseable: .*truncated/);
    expect(findings.get("d-bodies.har#1")?.[0]).to.match(
      /^body-parseable: body nests deeper than 256 levels/,
    );
    expect(findings.get("d-bodies.har#2")?.[0]).to.match(/^body-parseable: .*DOCTYPE/);

    // Every entry read is either checked or skipped; c-lines#0 is the one conformant exchange.
    expect(report.summary.checked + report.summary.skipped).to.equal(report.summary.exchanges);
    expect(report.summary.checked).to.equal(4);
    expect(report.complete).to.equal(false);
    expect(stdout).to.include("input errors:");
  });

  it("checks the 50 MB body when --max-body-bytes allows it", async () => {
    const file = path.join(tempDir(), "big.har");
    await writeFile(
      file,
      harOf([
        {
          dialect: "zenlayer",
          body: {
            requestId: "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC",
            response: {
              requestId: "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC",
              pad: "x".repeat(50 * 1024 * 1024),
            },
          },
        },
      ]),
    );
    const reportDir = path.join(tempDir(), "big-report");
    const { code, stderr } = await runCli([
      "check",
      file,
      "--max-body-bytes",
      String(64 * 1024 * 1024),
      "--report-dir",
      reportDir,
    ]);
    expect(code, stderr).to.equal(0);
    expect(readValidReport(path.join(reportDir, "conformance.json")).summary).to.include({
      checked: 1,
      passed: 1,
    });
  });
});

/**
 * The most resident memory `check /dev/zero` may reach: Node and the compiled schemas take about 100 MB
 * (measured: a peak of 95 MB after reading 700 MB); a reader that kept the endless line would need gigabytes.
 */
const PEAK_MEMORY_LIMIT = 300 * 1024 * 1024;

/** A check that runs while the test acts on it (writes to its FIFO, reads its /proc, sends it Ctrl-C). */
interface StartedCli {
  child: ChildProcess;
  exit: Promise<CliResult>;
  /** Whether the process has ended. */
  exited(): boolean;
}

function startCli(args: string[], ids: { uid?: number; gid?: number } = {}): StartedCli {
  const child = spawn(process.execPath, [builtBin, ...args], {
    cwd: projectRoot,
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    ...ids,
  });
  let stdout = "";
  let stderr = "";
  let ended = false;
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      ended = true;
      resolve({ code, stdout, stderr });
    });
  });
  return { child, exit, exited: () => ended };
}

describe("bad input: endless lines, FIFOs, unreadable paths, reserved XML names", () => {
  const tempDir = useTempDir();
  const running: StartedCli[] = [];

  before(async () => {
    const stale = await staleBuildFiles();
    if (stale.length > 0) throw new Error(`dist/ is older than src/ (${stale[0]}…): run \`npm run build\``);
  });
  afterEach(() => {
    // A check a failed test left running (waiting on a FIFO, reading /dev/zero) must not outlive it.
    for (const started of running.splice(0)) if (!started.exited()) started.child.kill("SIGKILL");
  });

  function start(args: string[], ids: { uid?: number; gid?: number } = {}): StartedCli {
    const started = startCli(args, ids);
    running.push(started);
    return started;
  }

  const longLineReason = (limit: string, maxBodyBytes: string) =>
    `line is longer than ${limit} characters, too long to hold a body within the ${maxBodyBytes}-byte limit ` +
    "(raise it with --max-body-bytes); it was skipped up to its end";

  it("an NDJSON line longer than the limit is skipped and named with its line; the lines around it are checked", async () => {
    const file = path.join(tempDir(), "long-line.ndjson");
    const good = tencentLine("DescribeThings", 200, tencentSuccess());
    await writeFile(file, `${good}\n${"x".repeat(3 * 1024 * 1024)}\n${good}\n`);
    const reportDir = path.join(tempDir(), "long-line-report");
    const { code, stderr } = await runCli([
      "check",
      file,
      "--max-body-bytes",
      "1000",
      "--report-dir",
      reportDir,
    ]);
    expect(code, stderr).to.equal(2);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    const reason = longLineReason("1,050,576", "1,000");
    expect(report.skipped).to.deep.equal([{ source: { file, index: 1 }, reason }]);
    expect(report.inputErrors).to.deep.equal([{ file, index: 1, message: reason }]);
    expect(report.summary).to.include({ exchanges: 3, checked: 2, skipped: 1 });
  });

  it("check /dev/zero (one endless line): named at once, read with flat memory until Ctrl-C, which writes the report", async function () {
    if (!onLinux) this.skip(); // /proc/PID/io and /proc/PID/status
    const reportDir = path.join(tempDir(), "dev-zero-report");
    const check = start(["check", "/dev/zero", "--max-body-bytes", "1000", "--report-dir", reportDir]);
    const pid = check.child.pid as number;
    // Past the longest string V8 can hold (about 537 million characters), where a reader that keeps the
    // line whole dies of "RangeError: Invalid string length".
    const READ = 700_000_000;
    await until(async () => check.exited() || (await bytesReadBy(pid)) > READ, 45_000, "reading /dev/zero");
    if (check.exited()) {
      const { code, stderr } = await check.exit;
      expect.fail(`the check ended (exit ${code}) while reading /dev/zero: ${stderr}`);
    }
    const peak = await peakMemoryOf(pid);
    check.child.kill("SIGINT");
    // The terminal summary says "interrupted" only when there are no input errors (src/report/).
    const { code, stderr } = await within(check.exit, 10_000, "the check ending after Ctrl-C");
    expect(code, stderr).to.equal(2);
    // Flat: what the process needs anyway (Node, the compiled schemas) and some chunks in flight, nowhere
    // near the 700 MB it read.
    expect(peak, `peak resident memory ${peak} bytes`).to.be.below(PEAK_MEMORY_LIMIT);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    const reason = longLineReason("1,050,576", "1,000");
    expect(report.complete).to.equal(false);
    expect(report.skipped).to.deep.equal([{ source: { file: "/dev/zero", index: 0 }, reason }]);
    expect(report.inputErrors).to.deep.equal([{ file: "/dev/zero", index: 0, message: reason }]);
  });

  describe("FIFOs", () => {
    before(function () {
      if (!onLinux) this.skip(); // mkfifo and /proc/PID/fd
    });

    it("a FIFO named on the command line is checked as its writer writes (the format from what arrives)", async () => {
      const fifo = makeFifo(path.join(tempDir(), "traffic"));
      const reportDir = path.join(tempDir(), "fifo-report");
      try {
        const check = start(["check", fifo, "--report-dir", reportDir]);
        const writer = createWriteStream(fifo); // its open waits for the check to open the FIFO
        writer.on("error", () => {}); // a check that fails to read it is what the assertions report
        writer.end(
          ndjsonLines([
            { dialect: "tencent", body: tencentSuccess() },
            { dialect: "tencent", body: tencentSuccess() },
          ]),
        );
        const { code, stderr } = await within(check.exit, 30_000, "the check of the FIFO");
        expect(code, stderr).to.equal(0);
        const report = readValidReport(path.join(reportDir, "conformance.json"));
        expect(report.complete).to.equal(true);
        expect(report.summary).to.include({ exchanges: 2, checked: 2, passed: 2 });
      } finally {
        await releaseFifo(fifo);
      }
    });

    it("process substitution: check <(cat a.ndjson) <(cat b.har) reads the pipes the shell passes", async () => {
      const ndjson = path.join(tempDir(), "substituted.ndjson");
      await writeFile(ndjson, ndjsonLines([{ dialect: "tencent", body: tencentSuccess() }]));
      const har = path.join(tempDir(), "substituted.har");
      await writeFile(
        har,
        harOf([
          { dialect: "tencent", body: tencentSuccess() },
          { dialect: "tencent", body: tencentSuccess() },
        ]),
      );
      const reportDir = path.join(tempDir(), "substitution-report");
      const script = 'exec "$0" "$1" check <(cat "$2") <(cat "$3") --report-dir "$4"';
      const child = spawn("bash", ["-c", script, process.execPath, builtBin, ndjson, har, reportDir], {
        cwd: projectRoot,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      const code = await within(
        new Promise<number | null>((resolve) => child.on("close", resolve)),
        30_000,
        "the check of two process substitutions",
      ).finally(() => child.kill("SIGKILL"));
      expect(code, stderr).to.equal(0);
      const report = readValidReport(path.join(reportDir, "conformance.json"));
      expect(report.summary).to.include({ exchanges: 3, checked: 3, passed: 3 });
    });

    it("a FIFO nobody writes to: Ctrl-C ends the check at once, with the report marked incomplete", async () => {
      const fifo = makeFifo(path.join(tempDir(), "nobody-writes.ndjson"));
      const reportDir = path.join(tempDir(), "no-writer-report");
      try {
        const check = start(["check", fifo, "--report-dir", reportDir]);
        // The check has opened the FIFO and waits for a writer: not inside open(), where nothing reaches it.
        await until(
          async () => check.exited() || hasOpen(check.child.pid as number, fifo),
          30_000,
          "the check opening the FIFO",
        );
        check.child.kill("SIGINT");
        const { code, stdout, stderr } = await within(check.exit, 10_000, "the check ending after Ctrl-C");
        expect(code, stderr).to.equal(2);
        expect(stdout).to.match(/^conformance: interrupted \(Ctrl-C\)/);
        const report = readValidReport(path.join(reportDir, "conformance.json"));
        expect(report.complete).to.equal(false);
        expect(report.summary.exchanges).to.equal(0);
        expect(report.inputErrors).to.deep.equal([]);
      } finally {
        await releaseFifo(fifo);
      }
    });

    it("a FIFO inside a folder is named as not read, and not opened; the rest of the folder is checked", async () => {
      const dir = path.join(tempDir(), "with-fifo");
      await mkdir(dir);
      const line = ndjsonLines([{ dialect: "tencent", body: tencentSuccess() }]);
      await writeFile(path.join(dir, "a.ndjson"), line);
      const fifo = makeFifo(path.join(dir, "b-pipe.ndjson"));
      await writeFile(path.join(dir, "c.ndjson"), line);
      const reportDir = path.join(tempDir(), "with-fifo-report");
      try {
        const { code, stderr } = await within(
          start(["check", dir, "--report-dir", reportDir]).exit,
          30_000,
          "the check of a folder holding a FIFO",
        );
        expect(code, stderr).to.equal(2);
        const report = readValidReport(path.join(reportDir, "conformance.json"));
        expect(report.inputErrors).to.deep.equal([
          {
            file: fifo,
            message:
              "not read: it is a FIFO (named pipe); only regular files are read from a folder (name it on the command line to read it)",
          },
        ]);
        expect(report.summary).to.include({ exchanges: 2, checked: 2, passed: 2 });
      } finally {
        await releaseFifo(fifo);
      }
    });
  });

  describe("a folder with paths that cannot be read: each named, everything else checked", () => {
    it("a symbolic link loop and a broken link with recordings' names", async () => {
      const dir = path.join(tempDir(), "with-bad-links");
      await mkdir(path.join(dir, "sub"), { recursive: true });
      const line = ndjsonLines([{ dialect: "tencent", body: tencentSuccess() }]);
      await writeFile(path.join(dir, "a.ndjson"), line);
      await writeFile(path.join(dir, "sub", "b.ndjson"), line);
      const loop = path.join(dir, "loop.ndjson");
      await symlink(loop, loop);
      const broken = path.join(dir, "sub", "gone.har");
      await symlink(path.join(dir, "nowhere.har"), broken);
      const reportDir = path.join(tempDir(), "bad-links-report");
      const { code, stderr } = await runCli(["check", dir, "--report-dir", reportDir]);
      expect(code, stderr).to.equal(2);
      const report = readValidReport(path.join(reportDir, "conformance.json"));
      expect(report.inputErrors).to.deep.equal([
        { file: loop, message: "cannot read: ELOOP: too many symbolic links encountered" },
        { file: broken, message: "cannot read: a broken symbolic link (what it points to does not exist)" },
      ]);
      expect(report.summary).to.include({ exchanges: 2, checked: 2 });
    });

    it("a subfolder that cannot be listed (chmod 000; run as nobody when the tests run as root)", async function () {
      if (process.platform === "win32") this.skip();
      // root lists any folder whatever its mode: the check then runs as nobody, for whom chmod 000 holds.
      const ids = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      if (ids.uid !== undefined) {
        const probe = spawnSync(
          process.execPath,
          ["-e", `require("fs").accessSync(${JSON.stringify(builtBin)})`],
          ids,
        );
        // Without the right to switch users, or a build nobody can read, this case cannot run here.
        if (probe.error || probe.status !== 0) this.skip();
      }
      const dir = await mkdtemp(path.join(os.tmpdir(), "conformance-locked-"));
      try {
        await chmod(dir, 0o755);
        const line = ndjsonLines([{ dialect: "tencent", body: tencentSuccess() }]);
        await writeFile(path.join(dir, "a.ndjson"), line);
        await mkdir(path.join(dir, "b-locked"));
        await writeFile(path.join(dir, "b-locked", "hidden.ndjson"), line);
        await mkdir(path.join(dir, "c"));
        await writeFile(path.join(dir, "c", "c.ndjson"), line);
        await chmod(path.join(dir, "b-locked"), 0);
        const reportDir = path.join(dir, "report");
        await mkdir(reportDir, { mode: 0o777 });
        await chmod(reportDir, 0o777);
        const { code, stderr } = await within(
          start(["check", dir, "--report-dir", reportDir], ids).exit,
          30_000,
          "the check of a folder with a locked subfolder",
        );
        expect(code, stderr).to.equal(2);
        const report = readValidReport(path.join(reportDir, "conformance.json"));
        const locked = path.join(dir, "b-locked");
        expect(report.inputErrors).to.deep.equal([
          { file: locked, message: "cannot read: EACCES: permission denied" },
        ]);
        expect(report.summary).to.include({ exchanges: 2, checked: 2 });
      } finally {
        await chmod(path.join(dir, "b-locked"), 0o755).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  it("an XML body with elements named constructor or __proto__ is judged like any other; the run goes on", async () => {
    const file = path.join(tempDir(), "reserved-names.ndjson");
    const xml = (inner: string) =>
      `<DescribeThingsResponse><RequestId>${ALIBABA_ID}</RequestId>${inner}</DescribeThingsResponse>`;
    await writeFile(
      file,
      ndjsonLines([
        { dialect: "alibaba", format: "xml", body: xml("") },
        { dialect: "alibaba", format: "xml", body: xml("<constructor>a</constructor>") },
        { dialect: "alibaba", format: "xml", body: xml("<__proto__><toString>b</toString></__proto__>") },
        {
          dialect: "alibaba",
          format: "xml",
          body: xml("<hasOwnProperty/><__defineGetter__>c</__defineGetter__>"),
        },
        {
          dialect: "tencent",
          body: `{"Response":{"RequestId":"${TENCENT_ID}","__proto__":{"constructor":1}}}`,
        },
        { dialect: "alibaba", format: "xml", body: xml("") },
      ]),
    );
    const reportDir = path.join(tempDir(), "reserved-names-report");
    const { code, stderr } = await runCli(["check", file, "--report-dir", reportDir]);
    expect(code, stderr).to.equal(0);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    expect(report.summary).to.include({ exchanges: 6, checked: 6, skipped: 0, passed: 6 });
    expect(report.inputErrors).to.deep.equal([]);
  });
});
