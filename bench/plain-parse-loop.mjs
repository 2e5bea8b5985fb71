// The throughput baseline: the least any checker of an NDJSON recording has to do. Reads the file line by
// line (readline over a stream, as the tool's NDJSON reader does), JSON.parse's each line and then the
// response body inside it (in a try/catch: XML and damaged bodies do not parse), and nothing more.
// Plain JavaScript so that it runs without a loader: `node bench/plain-parse-loop.mjs FILE`.
// Prints one JSON line with what it saw, so that the work cannot be optimised away and can be cross-checked.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node bench/plain-parse-loop.mjs FILE.ndjson\n");
  process.exit(2);
}

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
  try {
    JSON.parse(exchange?.response?.body);
    jsonBodies++;
  } catch {
    otherBodies++;
  }
}

process.stdout.write(`${JSON.stringify({ lines, exchanges, jsonBodies, otherBodies, badLines })}\n`);
