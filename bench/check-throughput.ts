/**
 * How fast, and in how much memory, `conformance check` reads and judges recorded exchanges, against a
 * baseline that only reads the same file and parses it (bench/plain-parse-loop.mjs).
 *
 * Inputs: (a) the Tencent example corpus as NDJSON (bench/corpus-to-ndjson.ts) and (b) a synthetic
 * recording of 100,000 exchanges (bench/generate-exchanges.ts), both (re)written first: the corpus to a
 * temporary folder (it stays out of the project), the synthetic file to bench/out/.
 * Each command runs as its own child process, several times (--runs, default 3), tool and baseline in
 * turn; the table gives the medians of wall time and of peak resident set size. Peak RSS comes from GNU
 * time (`/usr/bin/time -f "%e %M"`) when present, else from process.resourceUsage().maxRSS, written by a
 * module preloaded into the child (--import) when it exits.
 *
 * `tsx bench/check-throughput.ts [--runs N] [--count N] [--rebuild]`; writes bench/out/throughput.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { ConformanceReport } from "../src/types/generated/report.js";
import { corpusToNdjson, DEFAULT_CORPUS_DIR } from "./corpus-to-ndjson.js";
import { DEFAULT_COUNT, generateExchanges } from "./generate-exchanges.js";
import { median } from "./median.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT_DIR = path.join(ROOT, "bench", "out");
const CLI = path.join(ROOT, "dist", "src", "cli", "bin.js");
const BASELINE = path.join(ROOT, "bench", "plain-parse-loop.mjs");
const GNU_TIME = "/usr/bin/time";

interface RunSample {
  wallMs: number;
  peakRssKb: number;
  exitCode: number;
}

interface Measured {
  command: string;
  runs: RunSample[];
  medianWallMs: number;
  medianPeakRssKb: number;
}

interface InputResult {
  input: string;
  file: string;
  bytes: number;
  exchanges: number;
  tool: Measured;
  baseline: Measured;
  /** tool time / baseline time. */
  timeRatio: number;
  /** tool peak RSS / baseline peak RSS. */
  memoryRatio: number;
  /** exchanges / tool median wall time. */
  exchangesPerSecond: number;
}

function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["-f", "%e %M", "true"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+(\.\d+)? \d+\s*$/m.test(probe.stderr);
}

/** Preloaded into a child when GNU time is missing: writes its own peak RSS (KiB) where the parent says. */
const RSS_REPORTER = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  writeFileSync(process.env.THROUGHPUT_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

class Runner {
  private counter = 0;
  constructor(
    private readonly scratch: string,
    private readonly useGnuTime: boolean,
    private readonly reporter: string,
  ) {}

  /** Runs `node ARGS…` once; wall time measured here, peak RSS by GNU time or by the child itself. */
  async run(nodeArgs: string[], okExitCodes: readonly number[]): Promise<RunSample & { stdout: string }> {
    const rssFile = path.join(this.scratch, `rss-${this.counter++}.txt`);
    const [command, args] = this.useGnuTime
      ? [GNU_TIME, ["-f", "%e %M", "-o", rssFile, process.execPath, ...nodeArgs]]
      : [process.execPath, ["--import", pathToFileURL(this.reporter).href, ...nodeArgs]];
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, THROUGHPUT_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code ?? -1));
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (!okExitCodes.includes(exitCode)) {
      throw new Error(`node ${nodeArgs.join(" ")} exited ${exitCode}:\n${stderr.slice(0, 2000)}`);
    }
    const recorded = (await readFile(rssFile, "utf8")).trim();
    // GNU time: "ELAPSED MAXRSS" (its last line); the reporter: "MAXRSS". Both in KiB.
    const peakRssKb = Number(recorded.split(/\s+/).at(-1));
    if (!Number.isFinite(peakRssKb) || peakRssKb <= 0)
      throw new Error(`no peak RSS recorded: ${JSON.stringify(recorded)}`);
    return { wallMs, peakRssKb, exitCode, stdout };
  }
}

function summarise(command: string, runs: RunSample[]): Measured {
  return {
    command,
    runs,
    medianWallMs: median(runs.map((r) => r.wallMs)),
    medianPeakRssKb: median(runs.map((r) => r.peakRssKb)),
  };
}

async function measure(
  runner: Runner,
  input: string,
  file: string,
  runs: number,
  scratch: string,
): Promise<InputResult> {
  const inside = !path.relative(ROOT, file).startsWith("..");
  const relative = inside ? path.relative(ROOT, file) : file;
  const toolRuns: RunSample[] = [];
  const baselineRuns: RunSample[] = [];
  let exchanges = -1;
  for (let i = 0; i < runs; i++) {
    const reportDir = path.join(scratch, `report-${input}-${i}`);
    // Exit 1 is the expected verdict (both inputs hold non-conformant exchanges); 2 is an input error.
    const tool = await runner.run([CLI, "check", relative, "--quiet", "--report-dir", reportDir], [0, 1]);
    const report = JSON.parse(
      await readFile(path.join(reportDir, "conformance.json"), "utf8"),
    ) as ConformanceReport;
    if (exchanges !== -1 && report.summary.exchanges !== exchanges)
      throw new Error("runs disagree on the count");
    exchanges = report.summary.exchanges;
    await rm(reportDir, { recursive: true, force: true });
    toolRuns.push({ wallMs: tool.wallMs, peakRssKb: tool.peakRssKb, exitCode: tool.exitCode });

    const baseline = await runner.run([BASELINE, relative], [0]);
    const seen = JSON.parse(baseline.stdout) as { exchanges: number };
    if (seen.exchanges !== exchanges) {
      throw new Error(`the baseline read ${seen.exchanges} exchanges, the tool ${exchanges}`);
    }
    baselineRuns.push({
      wallMs: baseline.wallMs,
      peakRssKb: baseline.peakRssKb,
      exitCode: baseline.exitCode,
    });
    process.stderr.write(
      `  ${input} run ${i + 1}/${runs}: tool ${(tool.wallMs / 1000).toFixed(2)} s, baseline ${(baseline.wallMs / 1000).toFixed(2)} s\n`,
    );
  }
  const shown = inside ? relative : `$TMP/${path.basename(file)}`;
  const tool = summarise(
    `node dist/src/cli/bin.js check ${shown} --quiet --report-dir $TMP/report`,
    toolRuns,
  );
  const baseline = summarise(`node bench/plain-parse-loop.mjs ${shown}`, baselineRuns);
  return {
    input,
    file: shown,
    bytes: (await stat(file)).size,
    exchanges,
    tool,
    baseline,
    timeRatio: tool.medianWallMs / baseline.medianWallMs,
    memoryRatio: tool.medianPeakRssKb / baseline.medianPeakRssKb,
    exchangesPerSecond: exchanges / (tool.medianWallMs / 1000),
  };
}

function table(results: readonly InputResult[]): string {
  const header = [
    "input",
    "exchanges",
    "tool time",
    "baseline time",
    "time ratio",
    "tool peak RSS",
    "baseline peak RSS",
    "memory ratio",
    "exchanges/s",
  ];
  const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;
  const rows = results.map((r) => [
    `${r.input} (${(r.bytes / 1e6).toFixed(1)} MB)`,
    r.exchanges.toLocaleString("en-US"),
    `${(r.tool.medianWallMs / 1000).toFixed(2)} s`,
    `${(r.baseline.medianWallMs / 1000).toFixed(2)} s`,
    `${r.timeRatio.toFixed(2)}×`,
    mb(r.tool.medianPeakRssKb),
    mb(r.baseline.medianPeakRssKb),
    `${r.memoryRatio.toFixed(2)}×`,
    Math.round(r.exchangesPerSecond).toLocaleString("en-US"),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      count: { type: "string", default: String(DEFAULT_COUNT) },
      rebuild: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  const count = Number(values.count);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(count) || count < 1) {
    throw new Error("--runs and --count must be positive integers");
  }

  if (values.rebuild || !existsSync(CLI)) {
    process.stderr.write(`building dist/ (npm run build)…\n`);
    const build = spawnSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (build.status !== 0 || !existsSync(CLI)) throw new Error("npm run build failed");
  }

  await mkdir(OUT_DIR, { recursive: true });
  const useGnuTime = hasGnuTime();
  const scratch = await mkdtemp(path.join(os.tmpdir(), "check-throughput-"));
  try {
    // The corpus is read in place and its NDJSON form kept out of the project: it goes to the temp folder.
    const corpusFile = path.join(scratch, "tencent-corpus.ndjson");
    const syntheticFile = path.join(
      OUT_DIR,
      `exchanges-${count % 1000 === 0 ? `${count / 1000}k` : count}.ndjson`,
    );
    process.stderr.write(`writing the corpus as NDJSON from ${DEFAULT_CORPUS_DIR}…\n`);
    await corpusToNdjson(corpusFile);
    process.stderr.write(
      `writing ${path.relative(ROOT, syntheticFile)} (${count.toLocaleString("en-US")} exchanges)…\n`,
    );
    await generateExchanges(syntheticFile, { count });

    const reporter = path.join(scratch, "rss-reporter.mjs");
    await writeFile(reporter, RSS_REPORTER);
    const runner = new Runner(scratch, useGnuTime, reporter);
    const results: InputResult[] = [];
    for (const [input, file] of [
      ["tencent corpus", corpusFile],
      ["synthetic", syntheticFile],
    ] as const) {
      process.stderr.write(`measuring ${input}…\n`);
      results.push(await measure(runner, input, file, runs, scratch));
    }

    const method = useGnuTime
      ? `GNU time (${GNU_TIME} -f "%e %M")`
      : "process.resourceUsage().maxRSS in the child";
    process.stdout.write(
      `\nconformance check vs plain parse loop: median of ${runs} runs each; wall time measured by the parent, peak RSS by ${method}\n`,
    );
    process.stdout.write(
      `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, ${os.platform()} ${os.release()}\n\n`,
    );
    process.stdout.write(`${table(results)}\n`);

    const out = path.join(OUT_DIR, "throughput.json");
    const document = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "",
      runs,
      peakRssFrom: useGnuTime ? "gnu-time" : "process.resourceUsage",
      results,
    };
    await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`\nwritten: ${path.relative(process.cwd(), out)}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
