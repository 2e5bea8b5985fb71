import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { RawExchange, SourceItem } from "../../src/model/exchange.js";

/** A fresh temporary folder, and a function that removes it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "conformance-sources-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeFixture(dir: string, name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Everything a reader yields, and the error it ended with, if any. */
export async function collect(
  items: AsyncIterable<SourceItem>,
): Promise<{ items: SourceItem[]; error?: unknown }> {
  const collected: SourceItem[] = [];
  try {
    for await (const item of items) collected.push(item);
  } catch (error) {
    return { items: collected, error };
  }
  return { items: collected };
}

export function exchangeOf(item: SourceItem | undefined): RawExchange {
  if (item?.kind !== "exchange") throw new Error(`expected an exchange, got ${JSON.stringify(item)}`);
  return item.exchange;
}

export function reasonOf(item: SourceItem | undefined): string {
  if (item?.kind !== "unreadable")
    throw new Error(`expected an unreadable entry, got ${JSON.stringify(item)}`);
  return item.reason;
}

type Json = Record<string, unknown>;

/** A HAR 1.2 entry with a Tencent-style call; `overrides` replace top-level fields of the entry. */
export function harEntry(responseBody = '{"Response":{"RequestId":"r-1"}}', overrides: Json = {}): Json {
  return {
    startedDateTime: "2024-01-01T00:00:00.000Z",
    time: 12,
    request: {
      method: "POST",
      url: "https://cvm.tencentcloudapi.com/",
      httpVersion: "HTTP/1.1",
      headers: [
        { name: "Content-Type", value: "application/json" },
        { name: "X-TC-Action", value: "DescribeInstances" },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 2,
      postData: { mimeType: "application/json", text: "{}" },
    },
    response: {
      status: 200,
      statusText: "OK",
      httpVersion: "HTTP/1.1",
      headers: [{ name: "Content-Type", value: "application/json" }],
      cookies: [],
      content: { size: -1, mimeType: "application/json", text: responseBody },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
    ...overrides,
  };
}

/** The text of a HAR file holding `entries`, with the usual fields around them (some after the entries). */
export function harText(entries: unknown[], indent?: number): string {
  return JSON.stringify(
    {
      log: {
        version: "1.2",
        creator: { name: "test", version: "1" },
        pages: [],
        entries,
        comment: "entries are not always last",
      },
    },
    null,
    indent,
  );
}
