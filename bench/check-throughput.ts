/**
 * Issue 14's measurement table, in one command: how fast, on how much CPU and in how much memory
 * `conformance check` reads and judges recorded exchanges, against the single-threaded floor that only reads
 * the same file and parses it (bench/plain-parse-loop.mjs); then the live runner against autocannon
 * (bench/live-throughput.ts) and the latency the proxy adds (bench/proxy-latency.ts).
 *
 * Inputs (--inputs, comma-separated, default all):
 * - corpus: the Tencent example corpus as NDJSON (bench/corpus-to-ndjson.ts), written to a temporary folder
 *   (it stays out of the project);
 * - ndjson-100k: bench/generate-exchanges.ts's 100,000 exchanges (--count), bench/out/exchanges-100k.ndjson;
 * - har-100k: the same exchanges as HAR (bench/ndjson-to-har.ts, as bench/shard-read.ts writes them),
 *   bench/out/exchanges-100k.har;
 * - ndjson-1m: 1,000,000 exchanges (--million-count) from the same seed, bench/out/exchanges-1m.ndjson.
 * The generated files are reused when present with the right count (and, for HAR, newer than its NDJSON);
 * --regenerate writes them again.
 *
 * Each command runs as its own child process, --runs times (default 3; --million-runs for the 1M row),
 * tool and floor in turn, the order swapped every run; the table gives the medians of wall time (measured
 * here), CPU time (user + system) and peak RSS (GNU time, else process.resourceUsage(): bench/child-usage.ts).
 * --no-live and --no-proxy leave out the two network benchmarks (run as child processes under tsx; their
 * figures are read from bench/out/live-throughput.json and bench/out/proxy-latency.json; --live-args and
 * --proxy-args pass options on, with an equals sign: --live-args="--calls 500 --seconds 1").
 *
 * `tsx bench/check-throughput.ts [--inputs LIST] [--runs N] [--count N] [--million-count N]
 *  [--million-runs N] [--no-live] [--no-proxy] [--live-args S] [--proxy-args S] [--regenerate] [--rebuild]`;
 * writes bench/out/throughput.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ConformanceReport } from "../src/types/generated/report.js";
import { ChildRunner, type ChildUsage } from "./child-usage.js";
import { corpusToNdjson, DEFAULT_CORPUS_DIR } from "./corpus-to-ndjson.js";
import { DEFAULT_COUNT, DEFAULT_SEED, generateExchanges } from "./generate-exchanges.js";
import { median } from "./median.js";
import { ndjsonToHar } from "./ndjson-to-har.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT_DIR = path.join(ROOT, "bench", "out");
const CLI = path.join(ROOT, "dist", "src", "cli", "bin.js");
const FLOOR = path.join(ROOT, "bench", "plain-parse-loop.mjs");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const MILLION = 1_000_000;
/** Issue 14's targets. */
const TARGET = { wallRatio: 1.5, liveRatio: 1.5, proxyAddedMedianMs: 1 };

const INPUT_IDS = ["corpus", "ndjson-100k", "har-100k", "ndjson-1m"] as const;
type InputId = (typeof INPUT_IDS)[number];

type RunSample = Omit<ChildUsage, "exitCode"> & { exitCode: number };

interface Measured {
  command: string;
  runs: RunSample[];
  medianWallMs: number;
  medianCpuMs: number;
  medianPeakRssKb: number;
}

interface InputResult {
  id: InputId;
  input: string;
  file: string;
  bytes: number;
  exchanges: number;
  runs: number;
  tool: Measured;
  floor: Measured;
  /** tool wall time / floor wall time: the figure issue 14 compares with 1.5 (the floor is single-threaded). */
  wallRatio: number;
  /** tool CPU time / floor CPU time. */
  cpuRatio: number;
  /** tool peak RSS / floor peak RSS. */
  memoryRatio: number;
  /** exchanges / tool median wall time. */
  exchangesPerSecond: number;
}

interface LiveFigures {
  command: string;
  exitCode: number;
  rows: {
    concurrency: number;
    runnerPerSecond: number;
    autocannonPerSecond: number;
    runnerCpuMicros: number;
    autocannonCpuMicros: number;
    ratio: number;
  }[];
  raw: unknown;
}

interface ProxyFigures {
  command: string;
  exitCode: number;
  paths: {
    path: string;
    addedMedianMs: number;
    addedP99Ms: number;
    blockMinMs: number;
    blockMaxMs: number;
  }[];
  raw: unknown;
}

/** "100k", "1m", "2500": how the generated files are named. */
function countName(count: number): string {
  if (count % MILLION === 0) return `${count / MILLION}m`;
  if (count % 1000 === 0) return `${count / 1000}k`;
  return String(count);
}

/** "100k", "1M", "2,500": how the rows are labelled. */
function countLabel(count: number): string {
  if (count % MILLION === 0) return `${count / MILLION}M`;
  if (count % 1000 === 0) return `${count / 1000}k`;
  return count.toLocaleString("en-US");
}

function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** How many lines of `file` are exactly `line` (or, without it, how many newlines it has), streaming. */
async function countLines(file: string, line?: string): Promise<number> {
  let n = 0;
  if (line === undefined) {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    }
    return n;
  }
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (text === line) n++;
  }
  return n;
}

/** The synthetic NDJSON file of `count` exchanges: reused when it has that many lines, else written. */
async function ensureNdjson(file: string, count: number, regenerate: boolean): Promise<boolean> {
  const shown = path.relative(ROOT, file);
  if (!regenerate && existsSync(file)) {
    const lines = await countLines(file);
    if (lines === count) {
      process.stderr.write(`reusing ${shown} (${count.toLocaleString("en-US")} exchanges)\n`);
      return false;
    }
    process.stderr.write(`${shown} has ${lines.toLocaleString("en-US")} lines, not ${count}: rewriting it\n`);
  }
  process.stderr.write(
    `writing ${shown} (${count.toLocaleString("en-US")} exchanges, seed ${DEFAULT_SEED})…\n`,
  );
  await generateExchanges(file, { count, seed: DEFAULT_SEED });
  return true;
}

/** The same exchanges as HAR: reused when newer than the NDJSON and with `count` entries, else written. */
async function ensureHar(ndjson: string, har: string, count: number, rewrite: boolean): Promise<void> {
  const shown = path.relative(ROOT, har);
  if (!rewrite && existsSync(har) && (await stat(har)).mtimeMs >= (await stat(ndjson)).mtimeMs) {
    // Each entry opens on a line of its own, indented by six spaces (bench/ndjson-to-har.ts).
    const entries = await countLines(har, "      {");
    if (entries === count) {
      process.stderr.write(`reusing ${shown} (${count.toLocaleString("en-US")} entries)\n`);
      return;
    }
  }
  process.stderr.write(`writing ${shown} from ${path.basename(ndjson)}…\n`);
  await ndjsonToHar(ndjson, har);
}

function summarise(command: string, runs: RunSample[]): Measured {
  return {
    command,
    runs,
    medianWallMs: median(runs.map((r) => r.wallMs)),
    medianCpuMs: median(runs.map((r) => r.cpuMs)),
    medianPeakRssKb: median(runs.map((r) => r.peakRssKb)),
  };
}

function sample({ wallMs, cpuMs, userMs, systemMs, peakRssKb, exitCode }: ChildUsage): RunSample {
  return { wallMs, cpuMs, userMs, systemMs, peakRssKb, exitCode };
}

interface InputSpec {
  id: InputId;
  label: string;
  file: string;
  /** How many exchanges the file holds, when known in advance; the tool and the floor must both say so. */
  expected: number;
  runs: number;
}

async function measure(runner: ChildRunner, spec: InputSpec, scratch: string): Promise<InputResult> {
  const { id, label, file, runs } = spec;
  const inside = !path.relative(ROOT, file).startsWith("..");
  const relative = inside ? path.relative(ROOT, file) : file;
  const toolRuns: RunSample[] = [];
  const floorRuns: RunSample[] = [];

  const runTool = async (i: number) => {
    const reportDir = path.join(scratch, `report-${id}-${i}`);
    // Exit 1 is the expected verdict (every input holds non-conformant exchanges); 2 is an input error.
    const tool = await runner.run([CLI, "check", relative, "--quiet", "--report-dir", reportDir], [0, 1]);
    const report = JSON.parse(
      await readFile(path.join(reportDir, "conformance.json"), "utf8"),
    ) as ConformanceReport;
    await rm(reportDir, { recursive: true, force: true });
    if (report.summary.exchanges !== spec.expected)
      throw new Error(
        `${label}: the tool read ${report.summary.exchanges} exchanges, expected ${spec.expected}`,
      );
    toolRuns.push(sample(tool));
    return tool;
  };
  const runFloor = async () => {
    const floor = await runner.run([FLOOR, relative], [0]);
    const seen = JSON.parse(floor.stdout) as { exchanges: number };
    if (seen.exchanges !== spec.expected)
      throw new Error(`${label}: the floor read ${seen.exchanges} exchanges, expected ${spec.expected}`);
    floorRuns.push(sample(floor));
    return floor;
  };

  for (let i = 0; i < runs; i++) {
    // Tool first on odd runs, floor first on even ones: drift and a warmer page cache hit both alike.
    let tool: ChildUsage;
    let floor: ChildUsage;
    if (i % 2 === 0) {
      tool = await runTool(i);
      floor = await runFloor();
    } else {
      floor = await runFloor();
      tool = await runTool(i);
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    process.stderr.write(
      `  ${label} run ${i + 1}/${runs}: tool ${s(tool.wallMs)} (CPU ${s(tool.cpuMs)}), floor ${s(floor.wallMs)} (CPU ${s(floor.cpuMs)})\n`,
    );
  }
  const shown = inside ? relative : `$TMP/${path.basename(file)}`;
  const tool = summarise(
    `node dist/src/cli/bin.js check ${shown} --quiet --report-dir $TMP/report`,
    toolRuns,
  );
  const floor = summarise(`node bench/plain-parse-loop.mjs ${shown}`, floorRuns);
  return {
    id,
    input: label,
    file: shown,
    bytes: (await stat(file)).size,
    exchanges: spec.expected,
    runs,
    tool,
    floor,
    wallRatio: tool.medianWallMs / floor.medianWallMs,
    cpuRatio: tool.medianCpuMs / floor.medianCpuMs,
    memoryRatio: tool.medianPeakRssKb / floor.medianPeakRssKb,
    exchangesPerSecond: spec.expected / (tool.medianWallMs / 1000),
  };
}

function table(results: readonly InputResult[], defaultRuns: number): string {
  const header = [
    "input",
    "exchanges",
    "tool wall",
    "tool CPU",
    "tool peak RSS",
    "floor wall",
    "floor CPU",
    "floor peak RSS",
    "wall ratio",
    "CPU ratio",
    "memory ratio",
    "exchanges/s",
  ];
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
  const x = (ratio: number) => `${ratio.toFixed(2)}×`;
  const rows = results.map((r) => [
    `${r.input} (${size(r.bytes)}${r.runs === defaultRuns ? "" : `, ${r.runs} run${r.runs === 1 ? "" : "s"}`})`,
    r.exchanges.toLocaleString("en-US"),
    s(r.tool.medianWallMs),
    s(r.tool.medianCpuMs),
    mib(r.tool.medianPeakRssKb),
    s(r.floor.medianWallMs),
    s(r.floor.medianCpuMs),
    mib(r.floor.medianPeakRssKb),
    x(r.wallRatio),
    x(r.cpuRatio),
    x(r.memoryRatio),
    Math.round(r.exchangesPerSecond).toLocaleString("en-US"),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/**
 * Runs a bench script under tsx, its output to this process's stderr (stdout is the table's), and reads
 * the JSON it writes to bench/out/ (which must be newer than the start of the run).
 */
async function runScript(
  script: string,
  args: string[],
  jsonFile: string,
): Promise<{ command: string; exitCode: number; json: unknown }> {
  const command = `tsx ${script} ${args.join(" ")}`.trim();
  process.stderr.write(`\n${command}\n`);
  const started = Date.now();
  const child = spawn(TSX, [script, ...args], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code ?? -1));
  });
  if (!existsSync(jsonFile) || (await stat(jsonFile)).mtimeMs < started - 1000)
    throw new Error(`${command} exited ${exitCode} and wrote no ${path.relative(ROOT, jsonFile)}`);
  return { command, exitCode, json: JSON.parse(await readFile(jsonFile, "utf8")) as unknown };
}

async function live(args: string[]): Promise<LiveFigures> {
  const { command, exitCode, json } = await runScript(
    "bench/live-throughput.ts",
    args,
    path.join(OUT_DIR, "live-throughput.json"),
  );
  const rows = (
    json as {
      concurrency: number;
      runnerPerSecond: number;
      plainPerSecond: number;
      runnerCpuMicrosPerExchange: number;
      plainCpuMicrosPerRequest: number;
    }[]
  ).map((r) => ({
    concurrency: r.concurrency,
    runnerPerSecond: r.runnerPerSecond,
    autocannonPerSecond: r.plainPerSecond,
    runnerCpuMicros: r.runnerCpuMicrosPerExchange,
    autocannonCpuMicros: r.plainCpuMicrosPerRequest,
    // The time the runner takes for N exchanges over the time autocannon takes for N requests.
    ratio: r.plainPerSecond / r.runnerPerSecond,
  }));
  return { command, exitCode, rows, raw: json };
}

async function proxy(args: string[]): Promise<ProxyFigures> {
  const { command, exitCode, json } = await runScript(
    "bench/proxy-latency.ts",
    args,
    path.join(OUT_DIR, "proxy-latency.json"),
  );
  const latency = (
    json as {
      latencyMs: { path: string; addedMedian: number; addedP99: number; addedMedianPerBlock: number[] }[];
    }
  ).latencyMs;
  const paths = latency.map((r) => ({
    path: r.path,
    addedMedianMs: r.addedMedian,
    addedP99Ms: r.addedP99,
    blockMinMs: Math.min(...r.addedMedianPerBlock),
    blockMaxMs: Math.max(...r.addedMedianPerBlock),
  }));
  return { command, exitCode, paths, raw: json };
}

function liveLines(figures: LiveFigures | { error: string }): string[] {
  const title = `live runner vs autocannon, same sandbox (its own process) and signed request (target: ratio = runner time / autocannon time ≤ ${TARGET.liveRatio}):`;
  if ("error" in figures) return [title, `- failed: ${figures.error}`];
  return [
    title,
    ...figures.rows.map(
      (r) =>
        `- concurrency ${r.concurrency}: runner ${r.runnerPerSecond.toLocaleString("en-US")} exchanges/s, autocannon ${r.autocannonPerSecond.toLocaleString("en-US")} requests/s, ratio ${r.ratio.toFixed(2)}×; CPU ${r.runnerCpuMicros} against ${r.autocannonCpuMicros} µs per exchange`,
    ),
    ...(figures.exitCode === 0 ? [] : [`- ${figures.command} exited ${figures.exitCode}: figures suspect`]),
  ];
}

function proxyLines(figures: ProxyFigures | { error: string }): string[] {
  const title = `proxy, latency added per exchange (target: added median ≤ ${TARGET.proxyAddedMedianMs} ms):`;
  if ("error" in figures) return [title, `- failed: ${figures.error}`];
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  return [
    title,
    ...figures.paths.map(
      (p) =>
        `- ${p.path}: added median ${ms(p.addedMedianMs)} (per block ${p.blockMinMs.toFixed(3)}–${ms(p.blockMaxMs)}), added p99 ${ms(p.addedP99Ms)}`,
    ),
    ...(figures.exitCode === 0
      ? []
      : [
          `- ${figures.command} exited ${figures.exitCode}: the proxy did not pass every exchange, figures suspect`,
        ]),
  ];
}

function git(args: string[]): string {
  const run = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : `(git ${args.join(" ")} failed)`;
}

/** The newest modification time of a .ts file under `dir`. */
async function newestTs(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      inputs: { type: "string", default: INPUT_IDS.join(",") },
      runs: { type: "string", default: "3" },
      count: { type: "string", default: String(DEFAULT_COUNT) },
      "million-count": { type: "string", default: String(MILLION) },
      "million-runs": { type: "string" },
      live: { type: "boolean", default: true },
      proxy: { type: "boolean", default: true },
      "live-args": { type: "string", default: "" },
      "proxy-args": { type: "string", default: "" },
      regenerate: { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
    },
  });
  const runs = positive("--runs", values.runs);
  const count = positive("--count", values.count);
  const millionCount = positive("--million-count", values["million-count"]);
  const millionRuns =
    values["million-runs"] === undefined ? runs : positive("--million-runs", values["million-runs"]);
  const inputs = new Set<InputId>();
  for (const id of values.inputs.split(",").map((s) => s.trim())) {
    if (id === "") continue;
    if (!(INPUT_IDS as readonly string[]).includes(id))
      throw new Error(`--inputs: unknown input ${JSON.stringify(id)} (known: ${INPUT_IDS.join(", ")})`);
    inputs.add(id as InputId);
  }
  const split = (s: string) => s.split(/\s+/).filter((a) => a !== "");

  if (values.rebuild || !existsSync(CLI)) {
    process.stderr.write(`building dist/ (npm run build)…\n`);
    const build = spawnSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (build.status !== 0 || !existsSync(CLI)) throw new Error("npm run build failed");
  }
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const srcChanges = git(["status", "--short", "src"]).split("\n").filter(Boolean);
  const distBuilt = (await stat(CLI)).mtimeMs;
  const distOlderThanSrc = distBuilt < (await newestTs(path.join(ROOT, "src")));
  if (distOlderThanSrc)
    process.stderr.write(
      "warning: a file under src/ is newer than dist/: the tool measured is not src/ (--rebuild)\n",
    );

  await mkdir(OUT_DIR, { recursive: true });
  const scratch = await mkdtemp(path.join(os.tmpdir(), "check-throughput-"));
  try {
    const specs: InputSpec[] = [];
    if (inputs.has("corpus")) {
      // The corpus is read in place and its NDJSON form kept out of the project: it goes to the temp folder.
      const file = path.join(scratch, "tencent-corpus.ndjson");
      process.stderr.write(`writing the corpus as NDJSON from ${DEFAULT_CORPUS_DIR}…\n`);
      const examples = await corpusToNdjson(file);
      specs.push({ id: "corpus", label: "tencent corpus", file, expected: examples, runs });
    }
    // Files written in this run (the 100k file may be the 1M one, when the counts are the same).
    const written = new Set<string>();
    const ensure = async (file: string, n: number) => {
      if (await ensureNdjson(file, n, values.regenerate && !written.has(file))) written.add(file);
    };
    const ndjson = path.join(OUT_DIR, `exchanges-${countName(count)}.ndjson`);
    if (inputs.has("ndjson-100k") || inputs.has("har-100k")) {
      await ensure(ndjson, count);
      if (inputs.has("ndjson-100k"))
        specs.push({
          id: "ndjson-100k",
          label: `synthetic ${countLabel(count)} NDJSON`,
          file: ndjson,
          expected: count,
          runs,
        });
      if (inputs.has("har-100k")) {
        const har = path.join(OUT_DIR, `exchanges-${countName(count)}.har`);
        await ensureHar(ndjson, har, count, values.regenerate || written.has(ndjson));
        specs.push({
          id: "har-100k",
          label: `synthetic ${countLabel(count)} HAR`,
          file: har,
          expected: count,
          runs,
        });
      }
    }
    if (inputs.has("ndjson-1m")) {
      const file = path.join(OUT_DIR, `exchanges-${countName(millionCount)}.ndjson`);
      await ensure(file, millionCount);
      specs.push({
        id: "ndjson-1m",
        label: `synthetic ${countLabel(millionCount)} NDJSON`,
        file,
        expected: millionCount,
        runs: millionRuns,
      });
    }

    const runner = new ChildRunner(scratch, ROOT);
    const results: InputResult[] = [];
    for (const spec of specs) {
      process.stderr.write(`measuring ${spec.label}…\n`);
      results.push(await measure(runner, spec, scratch));
    }

    let liveFigures: LiveFigures | { error: string } | undefined;
    if (values.live) {
      liveFigures = await live(split(values["live-args"])).catch((error: Error) => ({
        error: error.message,
      }));
    }
    let proxyFigures: ProxyFigures | { error: string } | undefined;
    if (values.proxy) {
      proxyFigures = await proxy(split(values["proxy-args"])).catch((error: Error) => ({
        error: error.message,
      }));
    }

    // tsc rewrites every output file, so a build during the run shows on the CLI's own file.
    const distRebuilt = (await stat(CLI)).mtimeMs !== distBuilt;
    if (distRebuilt)
      process.stderr.write("warning: dist/ was rebuilt during the run: rows may measure different builds\n");
    const cpu = `${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}`.trim();
    const print = (text = "") => process.stdout.write(`${text}\n`);
    print();
    print(
      `commit ${commit}${srcChanges.length > 0 ? `, src/ with ${srcChanges.length} uncommitted change(s)` : ", src/ clean"}${distOlderThanSrc ? ", dist/ older than src/" : ""}${distRebuilt ? ", dist/ rebuilt during the run" : ""}; node ${process.version}, ${cpu}, ${os.platform()} ${os.release()}`,
    );
    if (results.length > 0) {
      print(
        `conformance check (tool) vs plain parse loop (floor, single-threaded): median of ${runs} runs each` +
          `${millionRuns !== runs && inputs.has("ndjson-1m") ? ` (${millionRuns} for the ${countLabel(millionCount)} row)` : ""}, ` +
          `alternating; wall time measured by the parent, CPU (user + system) and peak RSS by ${runner.describe()}. ` +
          `Target (issue 14): wall ratio ≤ ${TARGET.wallRatio}.`,
      );
      print();
      print(table(results, runs));
    }
    if (liveFigures) {
      print();
      for (const line of liveLines(liveFigures)) print(line);
    }
    if (proxyFigures) {
      print();
      for (const line of proxyLines(proxyFigures)) print(line);
    }

    const out = path.join(OUT_DIR, "throughput.json");
    const document = {
      measuredAt: new Date().toISOString(),
      commit,
      srcChanges,
      distOlderThanSrc,
      distBuiltAt: new Date(distBuilt).toISOString(),
      distRebuilt,
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "",
      runs,
      usageFrom: runner.source,
      targets: TARGET,
      results,
      ...(liveFigures ? { live: liveFigures } : {}),
      ...(proxyFigures ? { proxy: proxyFigures } : {}),
    };
    await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
    print(`\nwritten: ${path.relative(process.cwd(), out)}`);
    const failed = [liveFigures, proxyFigures].some(
      (f) => f !== undefined && ("error" in f || f.exitCode !== 0),
    );
    if (failed) process.exitCode = 1;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
