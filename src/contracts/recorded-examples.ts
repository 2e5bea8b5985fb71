import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { recordingsDir } from "../project-paths.js";
import type { BodyFormat, Dialect } from "../providers/dialect.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import { UNKNOWN } from "../providers/request-form.js";

/** The members of a HAR 1.2 entry that the shipped recordings' readers use. */
export interface HarEntry {
  request: {
    method: string;
    url: string;
    headers: { name: string; value: string }[];
    postData?: { text?: string };
  };
  response: { status: number; headers: { name: string; value: string }[]; content: { text?: string } };
}

interface RecordedSuccess {
  dialect: Dialect;
  product: string;
  action: string;
  format: BodyFormat;
  body: string;
}

/**
 * What a recorded request is (its action and format), read by its dialect's detection
 * (DialectRequests.identify); the dialect and product are the file's (DIALECT-PRODUCT.har).
 */
function describe(entry: HarEntry, file: string): Omit<RecordedSuccess, "body"> | undefined {
  const name = path.basename(file, ".har");
  const dialect = name.slice(0, name.indexOf("-")) as Dialect;
  const product = name.slice(name.indexOf("-") + 1);
  const request = {
    method: entry.request.method,
    url: entry.request.url,
    headers: Object.fromEntries(entry.request.headers.map((h) => [h.name.toLowerCase(), h.value])),
    body: entry.request.postData?.text ?? "",
  };
  const { action, format } = dialectRequests[dialect].identify(request, new URL(request.url), product);
  return action === UNKNOWN ? undefined : { dialect, product, action, format };
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
