/**
 * Writes the exchanges of an NDJSON recording as a HAR 1.2 file, one entry per line, in the same order,
 * with the fields a browser's recording has, pretty-printed as browsers save them. Streaming: memory stays
 * flat whatever the file. The output is byte for byte what bench/shard-read.ts writes (its own copy of this
 * code), so either script can reuse the other's bench/out/exchanges-N.har.
 *
 * As a script: `tsx bench/ndjson-to-har.ts IN.ndjson OUT.har`.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { NdjsonExchange } from "../src/types/generated/ndjson-exchange.js";
import { isMain } from "./is-main.js";

type Headers = NonNullable<NdjsonExchange["request"]["headers"]>;

function headerPairs(headers: Headers | undefined): { name: string; value: string }[] {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) return headers.map(({ name, value }) => ({ name, value }));
  return Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));
}

/** One NDJSON exchange as a HAR 1.2 entry, with the fields a browser's recording has. */
export function toHarEntry(exchange: NdjsonExchange, i: number): unknown {
  const { request, response } = exchange;
  const requestHeaders = headerPairs(request.headers);
  const responseHeaders = headerPairs(response.headers);
  const contentType = (pairs: { name: string; value: string }[]) =>
    pairs.find((h) => h.name.toLowerCase() === "content-type")?.value ?? "";
  const requestBody = request.body ?? "";
  return {
    startedDateTime: new Date(Date.UTC(2024, 0, 1) + i * 37).toISOString(),
    time: 12,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: "HTTP/1.1",
      headers: requestHeaders,
      queryString: [...new URL(request.url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: Buffer.byteLength(requestBody),
      ...(requestBody === ""
        ? {}
        : {
            postData: {
              mimeType: contentType(requestHeaders),
              text: requestBody,
              ...(request.bodyEncoding === "base64" ? { encoding: "base64" } : {}),
            },
          }),
    },
    response: {
      status: response.status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: responseHeaders,
      cookies: [],
      content: {
        size: -1,
        mimeType: contentType(responseHeaders),
        text: response.body,
        ...(response.bodyEncoding === "base64" ? { encoding: "base64" } : {}),
      },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
  };
}

/** Writes the exchanges of `ndjson` to `har`; returns how many entries it wrote. */
export async function ndjsonToHar(ndjson: string, har: string): Promise<number> {
  const out = createWriteStream(har, { encoding: "utf8" });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  };
  let i = 0;
  try {
    await write(
      '{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "bench", "version": "1" },\n',
    );
    await write('    "pages": [],\n    "entries": [\n');
    for await (const line of createInterface({ input: createReadStream(ndjson), crlfDelay: Infinity })) {
      if (line.trim() === "") continue;
      const entry = JSON.stringify(toHarEntry(JSON.parse(line) as NdjsonExchange, i), null, 2);
      await write(`${i === 0 ? "" : ",\n"}${entry.replace(/^/gm, "      ")}`);
      i++;
    }
    await write("\n    ]\n  }\n}\n");
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return i;
}

if (isMain(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write("usage: tsx bench/ndjson-to-har.ts IN.ndjson OUT.har\n");
    process.exit(2);
  }
  const entries = await ndjsonToHar(input, output);
  process.stdout.write(`${entries} entries written to ${output}\n`);
}
