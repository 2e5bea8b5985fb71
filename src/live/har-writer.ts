import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { RawExchange } from "../model/exchange.js";
import { TOOL } from "../tool.js";

const pairs = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

function entry(exchange: RawExchange, startedAt: Date, durationMs: number): unknown {
  const { request, response } = exchange;
  const url = new URL(request.url);
  return {
    startedDateTime: startedAt.toISOString(),
    time: durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: pairs(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body
        ? { postData: { mimeType: request.headers["content-type"] ?? "", text: request.body } }
        : {}),
      headersSize: -1,
      bodySize: Buffer.byteLength(request.body),
    },
    response: {
      status: response.status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: pairs(response.headers),
      content: {
        size: response.bodySize,
        mimeType: response.headers["content-type"] ?? "",
        text: response.body,
      },
      redirectURL: "",
      headersSize: -1,
      bodySize: response.bodySize,
    },
    cache: {},
    timings: { send: 0, wait: durationMs, receive: 0 },
    _conformance: { ...exchange.hints, ...(exchange.probe ? { probe: exchange.probe } : {}) },
  };
}

/**
 * A HAR 1.2 file written entry by entry (memory stays flat) to a temporary file, renamed into place by
 * `close()`, so a crash never leaves half a recording under the final name.
 */
export class HarWriter {
  private readonly temporary: string;
  private stream: WriteStream | undefined;
  private count = 0;

  constructor(readonly file: string) {
    this.temporary = `${file}.${process.pid}.tmp`;
  }

  async open(): Promise<void> {
    await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    this.stream = createWriteStream(this.temporary);
    this.stream.write(
      `{"log":{"version":"1.2","creator":${JSON.stringify({ name: TOOL.name, version: TOOL.version })},"entries":[\n`,
    );
  }

  /** Adds an exchange; callers pass it redacted. */
  write(exchange: RawExchange, startedAt: Date, durationMs: number): void {
    if (!this.stream) throw new Error("HarWriter.open() first");
    this.stream.write(
      `${this.count++ === 0 ? "" : ",\n"}${JSON.stringify(entry(exchange, startedAt, durationMs))}`,
    );
  }

  async close(): Promise<number> {
    if (!this.stream) throw new Error("HarWriter.open() first");
    this.stream.end("\n]}}\n");
    await once(this.stream, "finish");
    await rename(this.temporary, this.file);
    return this.count;
  }

  async discard(): Promise<void> {
    this.stream?.destroy();
    await rm(this.temporary, { force: true });
  }
}
