/**
 * What each report format costs on a large run: the synthetic recording of 100,000 exchanges
 * (bench/generate-exchanges.ts, about 10 % with a defect) is checked in-process, then every reporter in
 * REPORTERS renders the report `--runs` times (default 3). The table gives each format's size and the
 * median render time, with the check time for scale.
 *
 * `npx tsx bench/report-formats.ts [--count N] [--runs N]`; writes bench/out/report-formats.json.
 */

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkRecordings } from "../src/engine/check-recordings.js";
import { createEngine } from "../src/engine/engine.js";
import { allCells } from "../src/report/matrix-cells.js";
import { REPORTERS } from "../src/report/reporters.js";
import { DEFAULT_COUNT, generateExchanges } from "./generate-exchanges.js";
import { median } from "./median.js";

const OUT_DIR = fileURLToPath(new URL("./out/", import.meta.url));

interface FormatResult {
  reporter: string;
  file: string;
  bytes: number;
  /** Every render, in milliseconds. */
  renderMs: number[];
  medianMs: number;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function table(rows: readonly string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const [header, ...body] = rows;
  return [
    line(header ?? []),
    `|${widths.map((w, i) => (i < 2 ? `-${"-".repeat(w)}-` : `-${"-".repeat(w)}:`)).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

const { values } = parseArgs({ options: { count: { type: "string" }, runs: { type: "string" } } });
const count = values.count === undefined ? DEFAULT_COUNT : Number(values.count);
const runs = values.runs === undefined ? 3 : Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write("usage: tsx bench/report-formats.ts [--count N] [--runs N]\n");
  process.exit(2);
}

await mkdir(OUT_DIR, { recursive: true });
const input = path.join(
  OUT_DIR,
  count === DEFAULT_COUNT ? "exchanges-100k.ndjson" : `exchanges-${count}.ndjson`,
);
const stats = await generateExchanges(input, { count });
process.stdout.write(
  `${stats.exchanges} exchanges (${size(stats.bytes)}) written to ${path.relative(process.cwd(), input)}\n`,
);

const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });
const checkStart = performance.now();
const report = await checkRecordings([input], engine, { maxBodyBytes: 32 * 1024 * 1024 });
const checkMs = performance.now() - checkStart;
const { summary } = report;
process.stdout.write(
  `checked in ${(checkMs / 1000).toFixed(2)} s: ${summary.checked} checked, ${summary.failed} failed, ` +
    `${summary.warned} warned, score ${summary.score.toFixed(2)}; ${report.results.length} results, ` +
    `${allCells(report).length} matrix cells\n\n`,
);

const context = { verdict: { passed: summary.failed === 0, reasons: [`score ${summary.score.toFixed(2)}`] } };
const formats: FormatResult[] = [];
for (const reporter of REPORTERS) {
  const renderMs: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const text = reporter.render(report, context);
    renderMs.push(performance.now() - start);
    bytes = Buffer.byteLength(text);
  }
  formats.push({ reporter: reporter.name, file: reporter.file, bytes, renderMs, medianMs: median(renderMs) });
}

process.stdout.write(
  `${table([
    ["format", "file", "size", `render (median of ${runs})`],
    ...formats.map((f) => [f.reporter, f.file, size(f.bytes), `${f.medianMs.toFixed(1)} ms`]),
    ["(check)", path.basename(input), size(stats.bytes), `${checkMs.toFixed(0)} ms`],
  ])}\n`,
);

const out = path.join(OUT_DIR, "report-formats.json");
await writeFile(
  out,
  `${JSON.stringify(
    {
      input: { file: input, exchanges: stats.exchanges, bytes: stats.bytes },
      check: {
        ms: checkMs,
        checked: summary.checked,
        failed: summary.failed,
        warned: summary.warned,
        score: summary.score,
        results: report.results.length,
        matrixCells: allCells(report).length,
      },
      runs,
      formats,
      node: process.version,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`\nwritten: ${path.relative(process.cwd(), out)}\n`);
