/**
 * How fast HarEntryScanner alone finds the entries of a HAR file: the file is read and decoded into
 * 64 KiB chunks first (as readTextChunks would give them), then only the scanning is timed.
 *
 *   npx tsx bench/har-scan.ts [FILE] [--runs N]      (default bench/out/exchanges-100k.har, 3 runs)
 *
 * Prints each run's MB/s (bytes of the file per second) and the medians, by wall clock and by CPU time.
 */
import { readFileSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { parseArgs } from "node:util";
import { HarEntryScanner } from "../src/sources/har-entry-scanner.js";
import { DEFAULT_CHUNK_SIZE } from "../src/sources/reader-options.js";
import { median } from "./median.js";

function decodedChunks(bytes: Buffer): string[] {
  const decoder = new StringDecoder("utf8");
  const chunks: string[] = [];
  for (let at = 0; at < bytes.length; at += DEFAULT_CHUNK_SIZE) {
    const text = decoder.write(bytes.subarray(at, at + DEFAULT_CHUNK_SIZE));
    if (text.length > 0) chunks.push(text);
  }
  const rest = decoder.end();
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** Scans every chunk; returns the number of entries, and the seconds it took (wall clock and CPU). */
function scanOnce(chunks: readonly string[]): { entries: number; seconds: number; cpuSeconds: number } {
  const scanner = new HarEntryScanner(Number.MAX_SAFE_INTEGER);
  let entries = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (const chunk of chunks) {
    for (const event of scanner.scan(chunk)) {
      if (event.type === "entry") entries++;
      else throw new Error(`unexpected event: ${JSON.stringify(event)}`);
    }
  }
  const last = scanner.finish();
  if (last.length > 0) throw new Error(`unexpected event at the end: ${JSON.stringify(last)}`);
  const cpu = process.cpuUsage(cpuStarted);
  return {
    entries,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "3" } },
});
const file = positionals[0] ?? "bench/out/exchanges-100k.har";
const bytes = readFileSync(file);
const chunks = decodedChunks(bytes);
const megabytes = bytes.length / 1e6;
const rates: number[] = [];
const cpuRates: number[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
  const { entries, seconds, cpuSeconds } = scanOnce(chunks);
  rates.push(megabytes / seconds);
  cpuRates.push(megabytes / cpuSeconds);
  console.log(
    `run ${run}: ${entries} entries in ${seconds.toFixed(3)} s (CPU ${cpuSeconds.toFixed(3)} s), ` +
      `${(megabytes / seconds).toFixed(0)} MB/s`,
  );
}
// On a busy machine the CPU-time rate varies less than the wall-clock one.
console.log(
  `median: ${median(rates).toFixed(0)} MB/s, per CPU second ${median(cpuRates).toFixed(0)} MB/s ` +
    `(${megabytes.toFixed(0)} MB, ${file})`,
);
