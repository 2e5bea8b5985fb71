/**
 * Streams the Tencent Cloud API example corpus (../shared/corpus/tencentcloud-cli/, read in place, never
 * copied) into the project's NDJSON format: one Tencent exchange per documented example, in file order
 * (services, then versions, sorted by code point; actions and examples in the order of examples.json).
 *
 * Each line is a POST to https://HOST/ with X-TC-Action and X-TC-Version and an HTTP 200 response whose
 * body is the example's `output` as is (some outputs are placeholders or not valid JSON: the engine is
 * meant to say so). HOST comes from the example's own `Host:` line (fallback SVC.tencentcloudapi.com), the
 * action from its `X-TC-Action:` line (fallback the action it is filed under), the version from the
 * folder it is filed under (vYYYYMMDD: the API version whose description the example belongs to, which
 * picks the action's schema). A `_corpus` field (ignored by the readers)
 * names the example the line came from.
 *
 * As a script: `tsx bench/corpus-to-ndjson.ts OUT.ndjson [CORPUS_DIR]`.
 */

import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NdjsonExchange } from "../src/types/generated/ndjson-exchange.js";
import { isMain } from "./is-main.js";

/** ../shared/corpus/tencentcloud-cli/, beside the project root. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(
  new URL("../../shared/corpus/tencentcloud-cli/", import.meta.url),
);

/** Where one line of the NDJSON file came from. */
export interface CorpusExampleRef {
  service: string;
  version: string;
  /** The action the example is filed under in examples.json. */
  action: string;
  /** 0-based position of the example in the action's list. */
  example: number;
}

export interface CorpusExample extends CorpusExampleRef {
  title: string;
  /** The raw HTTP request text as documented. */
  input: string;
  /** The response body as documented. */
  output: string;
}

interface ExamplesFile {
  actions: Record<string, { title?: unknown; input?: unknown; output?: unknown }[]>;
}

/** Every examples.json under CORPUS/services/SVC/VERSION/, in code-point order of SVC and VERSION. */
export async function corpusFiles(
  corpusDir: string = DEFAULT_CORPUS_DIR,
): Promise<{ service: string; version: string; file: string }[]> {
  const servicesDir = path.join(corpusDir, "services");
  const files: { service: string; version: string; file: string }[] = [];
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const service of (await readdir(servicesDir)).sort(byCodePoint)) {
    const serviceDir = path.join(servicesDir, service);
    let versions: string[];
    try {
      versions = await readdir(serviceDir);
    } catch {
      continue; // not a folder
    }
    for (const version of versions.sort(byCodePoint)) {
      const file = path.join(serviceDir, version, "examples.json");
      if (existsSync(file)) files.push({ service, version, file });
    }
  }
  return files;
}

/** Every documented example, file by file: only one examples.json is held in memory at a time. */
export async function* corpusExamples(corpusDir: string = DEFAULT_CORPUS_DIR): AsyncGenerator<CorpusExample> {
  for (const { service, version, file } of await corpusFiles(corpusDir)) {
    const parsed = JSON.parse(await readFile(file, "utf8")) as ExamplesFile;
    for (const [action, examples] of Object.entries(parsed.actions ?? {})) {
      for (const [example, { title, input, output }] of examples.entries()) {
        yield {
          service,
          version,
          action,
          example,
          title: typeof title === "string" ? title : "",
          input: typeof input === "string" ? input : "",
          output: typeof output === "string" ? output : JSON.stringify(output ?? ""),
        };
      }
    }
  }
}

/** The header lines of the documented request text (everything before the first blank line). */
function requestHead(input: string): string {
  const text = input.replace(/\r\n?/g, "\n").trimStart();
  const blank = text.indexOf("\n\n");
  return blank === -1 ? text : text.slice(0, blank);
}

function headerValue(head: string, name: string): string | undefined {
  const match = new RegExp(`^${name}:[ \\t]*(\\S+)[ \\t]*$`, "im").exec(head);
  return match?.[1];
}

/** The NDJSON exchange for one example (see the file comment for what comes from where). */
export function exampleToExchange(example: CorpusExample): NdjsonExchange {
  const head = requestHead(example.input);
  const host = headerValue(head, "Host") ?? `${example.service}.tencentcloudapi.com`;
  const action = headerValue(head, "X-TC-Action") ?? example.action;
  const { service, version, action: filedUnder, example: index } = example;
  return {
    request: {
      method: "POST",
      url: `https://${host}/`,
      headers: {
        "x-tc-action": action,
        "x-tc-version": version.replace(/^v(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"),
        "content-type": "application/json",
      },
      body: "",
    },
    response: { status: 200, headers: { "content-type": "application/json" }, body: example.output },
    _corpus: { service, version, action: filedUnder, example: index },
  };
}

export interface CorpusToNdjsonOptions {
  corpusDir?: string;
  /** Called for every line written, with its 0-based line index. */
  onExample?: (example: CorpusExample, index: number) => void;
}

/** Writes one NDJSON line per corpus example to `outFile`; returns how many were written. */
export async function corpusToNdjson(outFile: string, options: CorpusToNdjsonOptions = {}): Promise<number> {
  const out = createWriteStream(outFile, { encoding: "utf8" });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {}); // observed below; avoids an unhandled rejection before then
  let count = 0;
  try {
    for await (const example of corpusExamples(options.corpusDir)) {
      options.onExample?.(example, count);
      count++;
      if (!out.write(`${JSON.stringify(exampleToExchange(example))}\n`)) {
        await Promise.race([once(out, "drain"), failed]);
      }
    }
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return count;
}

if (isMain(import.meta.url)) {
  const [outFile, corpusDir] = process.argv.slice(2);
  if (!outFile) {
    process.stderr.write("usage: tsx bench/corpus-to-ndjson.ts OUT.ndjson [CORPUS_DIR]\n");
    process.exit(2);
  }
  const started = performance.now();
  const count = await corpusToNdjson(outFile, corpusDir ? { corpusDir } : {});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${count} corpus examples written to ${outFile} in ${seconds} s\n`);
}
