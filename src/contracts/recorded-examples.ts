import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { recordingsDir } from "../project-paths.js";
import type { BodyFormat, Dialect } from "../providers/dialect.js";

interface HarEntry {
  request: { url: string; headers: { name: string; value: string }[] };
  response: { status: number; content: { text?: string } };
}

interface RecordedSuccess {
  dialect: Dialect;
  product: string;
  action: string;
  format: BodyFormat;
  body: string;
}

function header(entry: HarEntry, name: string): string | undefined {
  return entry.request.headers.find((h) => h.name.toLowerCase() === name)?.value;
}

function describe(entry: HarEntry, file: string): Omit<RecordedSuccess, "body"> | undefined {
  const name = path.basename(file, ".har");
  const dialect = name.slice(0, name.indexOf("-")) as Dialect;
  const product = name.slice(name.indexOf("-") + 1);
  const url = new URL(entry.request.url);
  if (dialect === "alibaba") {
    const action = url.searchParams.get("Action");
    const format = url.searchParams.get("Format")?.toLowerCase() === "xml" ? "xml" : "json";
    return action ? { dialect, product, action, format } : undefined;
  }
  const action = header(entry, dialect === "tencent" ? "x-tc-action" : "x-zc-action");
  return action ? { dialect, product, action, format: "json" } : undefined;
}

let successes: RecordedSuccess[] | undefined;

function loadSuccesses(): RecordedSuccess[] {
  successes ??= readdirSync(recordingsDir)
    .filter((name) => name.endsWith(".har"))
    .sort()
    .flatMap((name) => {
      const file = path.join(recordingsDir, name);
      const entries = (JSON.parse(readFileSync(file, "utf8")) as { log: { entries: HarEntry[] } }).log
        .entries;
      return entries.flatMap((entry) => {
        const text = entry.response.content.text;
        const described = describe(entry, file);
        if (!described || !text || entry.response.status < 200 || entry.response.status > 299) return [];
        return [{ ...described, body: text }];
      });
    });
  return successes;
}

/**
 * The recorded JSON success body of an action (recordings/*.har): the fullest one when several are
 * recorded, so that arrays carry an element to derive their matcher from. Undefined when none is recorded.
 */
export function recordedSuccessBody(dialect: Dialect, product: string, action: string): unknown {
  const bodies = loadSuccesses()
    .filter(
      (s) => s.dialect === dialect && s.product === product && s.action === action && s.format === "json",
    )
    .map((s) => s.body)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  return bodies[0] === undefined ? undefined : JSON.parse(bodies[0]);
}
