// The throughput floor: the least any checker of a recording has to do, in plain single-threaded
// JavaScript. Plain JavaScript so that it runs without a loader:
//   node bench/plain-parse-loop.mjs FILE.ndjson   (or .jsonl)
//   node bench/plain-parse-loop.mjs FILE.har
// - NDJSON: reads the file line by line (readline over a stream, as the tool's NDJSON reader does),
//   JSON.parse's each line and then the response body inside it (in a try/catch: XML and damaged bodies do
//   not parse), and nothing more. Memory stays flat.
// - HAR: reads the whole file into one string, JSON.parse's it, then JSON.parse's each entry's
//   response.content.text (in a try/catch). The fastest way to parse a HAR file in JavaScript, so the floor
//   for time; not for memory, since the whole file and its parsed tree are held at once (the tool streams).
//   Node has no streaming JSON parser of its own (nor does node_modules here), and a JS one would be far
//   slower than JSON.parse, so no longer a floor. A file larger than V8's longest string (about 512 MiB of
//   text) cannot be read this way: the loop says so and exits 3.
// Prints one JSON line with what it saw, so that the work cannot be optimised away and can be cross-checked.
import { constants } from "node:buffer";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createInterface } from "node:readline";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node bench/plain-parse-loop.mjs FILE.ndjson|FILE.har\n");
  process.exit(2);
}

function parsesAsJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function ndjson() {
  let lines = 0;
  let exchanges = 0;
  let jsonBodies = 0;
  let otherBodies = 0;
  let badLines = 0;
  const input = createReadStream(file, { encoding: "utf8" });
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lines++;
    if (line.trim() === "") continue;
    let exchange;
    try {
      exchange = JSON.parse(line);
    } catch {
      badLines++;
      continue;
    }
    exchanges++;
    if (parsesAsJson(exchange?.response?.body)) jsonBodies++;
    else otherBodies++;
  }
  return { format: "ndjson", lines, exchanges, jsonBodies, otherBodies, badLines };
}

async function har() {
  const { size } = await stat(file);
  // UTF-8 text has at most as many UTF-16 code units as bytes: below the limit in bytes, it fits.
  if (size > constants.MAX_STRING_LENGTH) {
    process.stderr.write(
      `${file}: ${size} bytes, more than V8's longest string (${constants.MAX_STRING_LENGTH} code units): ` +
        "a HAR file this large cannot be read whole and JSON.parse'd; this floor does not apply to it\n",
    );
    process.exit(3);
  }
  const document = JSON.parse(await readFile(file, "utf8"));
  const entries = document?.log?.entries;
  if (!Array.isArray(entries)) throw new Error(`${file}: no log.entries array`);
  let exchanges = 0;
  let jsonBodies = 0;
  let otherBodies = 0;
  for (const entry of entries) {
    exchanges++;
    if (parsesAsJson(entry?.response?.content?.text)) jsonBodies++;
    else otherBodies++;
  }
  return { format: "har", exchanges, jsonBodies, otherBodies };
}

const seen = /\.har$/i.test(file) ? await har() : await ndjson();
process.stdout.write(`${JSON.stringify(seen)}\n`);
