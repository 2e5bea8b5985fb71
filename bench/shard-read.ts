import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkRecordings } from "../src/engine/check-recordings.js";
import { createEngine, type Engine } from "../src/engine/engine.js";
import type { SourceItem } from "../src/model/exchange.js";
import { parseShard, type Shard } from "../src/model/shard.js";
import { EntryOrdinals } from "../src/sources/entry-ordinals.js";
import { readHar } from "../src/sources/har-reader.js";
import { readNdjson } from "../src/sources/ndjson-reader.js";
import { DEFAULT_MAX_BODY_BYTES } from "../src/sources/reader-options.js";
import { DEFAULT_COUNT, generateExchanges } from "./generate-exchanges.js";
import { median } from "./median.js";
import { ndjsonToHar } from "./ndjson-to-har.js";

const OUT_DIR = fileURLToPath(new URL("./out/", import.meta.url));

interface Counted {
  ms: number;
  exchanges: number;
  unreadable: number;
}

/** Reads every item of `file` (as shard `shard`, when given) and counts them. */
async function timeRead(read: typeof readHar, file: string, shard: Shard | undefined): Promise<Counted> {
  const started = process.hrtime.bigint();
  const counted = { exchanges: 0, unreadable: 0 };
  const items: AsyncIterable<SourceItem> = read(file, {
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    ordinals: shard && new EntryOrdinals(shard),
  });
  for await (const item of items) {
    if (item.kind === "exchange") counted.exchanges++;
    else counted.unreadable++;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, ...counted };
}

async function timeCheck(engine: Engine, file: string, shard: Shard | undefined): Promise<Counted> {
  const started = process.hrtime.bigint();
  const report = await checkRecordings([file], engine, { maxBodyBytes: DEFAULT_MAX_BODY_BYTES }, { shard });
  return {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    exchanges: report.summary.checked,
    unreadable: report.summary.skipped,
  };
}

interface Row {
  what: string;
  unsharded: Counted[];
  sharded: Counted[];
}

/** Times `run` unsharded and as `shard`, in turn, after one warm-up of each; checks the counts agree. */
async function compare(
  what: string,
  shard: Shard,
  runs: number,
  run: (shard: Shard | undefined) => Promise<Counted>,
): Promise<Row> {
  await run(undefined);
  await run(shard);
  const row: Row = { what, unsharded: [], sharded: [] };
  for (let i = 0; i < runs; i++) {
    const whole = await run(undefined);
    const part = await run(shard);
    row.unsharded.push(whole);
    row.sharded.push(part);
    process.stderr.write(
      `  ${what} run ${i + 1}/${runs}: unsharded ${whole.ms.toFixed(0)} ms, shard ${shard.index}/${shard.total} ${part.ms.toFixed(0)} ms\n`,
    );
  }
  const total = (c: Counted) => c.exchanges + c.unreadable;
  const [whole, part] = [row.unsharded[0], row.sharded[0]];
  if (!whole || !part) throw new Error("no runs");
  const expected = Math.ceil((total(whole) - (shard.index - 1)) / shard.total);
  if (total(part) !== expected)
    throw new Error(`${what}: shard read ${total(part)} of ${total(whole)} entries, expected ${expected}`);
  return row;
}

function table(rows: readonly Row[], shard: Shard): string {
  const header = ["input", "entries", "unsharded", `shard ${shard.index}/${shard.total}`, "ratio", "ideal"];
  const lines = rows.map((row) => {
    const whole = median(row.unsharded.map((c) => c.ms));
    const part = median(row.sharded.map((c) => c.ms));
    const first = row.unsharded[0];
    const entries = first ? first.exchanges + first.unreadable : 0;
    return [
      row.what,
      entries.toLocaleString("en-US"),
      `${(whole / 1000).toFixed(2)} s`,
      `${(part / 1000).toFixed(2)} s`,
      `${(part / whole).toFixed(2)}`,
      `${(1 / shard.total).toFixed(2)}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [format(header), rule, ...lines.map(format)].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: String(DEFAULT_COUNT) },
      runs: { type: "string", default: "3" },
      shard: { type: "string", default: "1/4" },
      check: { type: "boolean", default: false },
      regenerate: { type: "boolean", default: false },
    },
  });
  const count = Number(values.count);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(count) || count < 1)
    throw new Error("--runs and --count must be positive integers");
  const shard = parseShard(values.shard);

  const name = `exchanges-${count % 1000 === 0 ? `${count / 1000}k` : count}`;
  const ndjson = path.join(OUT_DIR, `${name}.ndjson`);
  const har = path.join(OUT_DIR, `${name}.har`);
  if (values.regenerate || !existsSync(ndjson) || !existsSync(har)) {
    process.stderr.write(`writing ${path.relative(process.cwd(), ndjson)} and ${path.basename(har)}…\n`);
    await generateExchanges(ndjson, { count });
    await ndjsonToHar(ndjson, har);
  }

  const rows: Row[] = [];
  const mb = async (file: string) => `${((await stat(file)).size / 1e6).toFixed(0)} MB`;
  process.stderr.write("reading the HAR file…\n");
  rows.push(await compare(`read HAR (${await mb(har)})`, shard, runs, (s) => timeRead(readHar, har, s)));
  process.stderr.write("reading the NDJSON file…\n");
  rows.push(
    await compare(`read NDJSON (${await mb(ndjson)})`, shard, runs, (s) => timeRead(readNdjson, ndjson, s)),
  );
  if (values.check) {
    const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });
    process.stderr.write("checking the HAR file…\n");
    rows.push(await compare("check HAR", shard, runs, (s) => timeCheck(engine, har, s)));
  }

  process.stdout.write(
    `\nreading as shard ${shard.index}/${shard.total} vs unsharded: median of ${runs} runs each, in one process\n`,
  );
  process.stdout.write(
    `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, ${os.platform()} ${os.release()}\n\n`,
  );
  process.stdout.write(`${table(rows, shard)}\n`);
  process.stdout.write(
    "\nratio = shard time / unsharded time (before shards decided ownership first, a shard read as much as the " +
      "unsharded run: ratio 1); ideal = 1/N, if all of reading were split. The rest is what every shard does " +
      "with the whole file: stream and decode it, and find the entries' boundaries (for HAR, the scan of " +
      "the whole file's JSON grammar).\n",
  );
}

await main();
