import { once } from "node:events";
import { createWriteStream, WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import {
  FileWriteError,
  fileKind,
  temporaryFileFor,
  trackTemporaryFile,
} from "../files/write-file-atomic.js";
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

/** How HarWriter opens what it writes to; tests pass one that fails on purpose. */
export type OpenStream = (file: string) => Writable;

const openFileStream: OpenStream = (file) => createWriteStream(file);

/**
 * A HAR 1.2 file written entry by entry (memory stays flat) to a temporary file, renamed into place by
 * `close()`, so a crash never leaves half a recording under the final name. A device or a named pipe
 * (`--out /dev/stdout`) is written in place: renaming onto it would replace it.
 *
 * A write that fails (a full disk) does not throw where it happens: the writer stops writing, calls
 * `onError` once (the live run stops), and `close()` removes the temporary file and throws a
 * FileWriteError ("cannot write FILE: no space left on device"). `discard()` and a forced process.exit()
 * remove the temporary file too: no path leaves one behind.
 */
export class HarWriter {
  private readonly temporary: string;
  private target: string | undefined;
  private stream: Writable | undefined;
  private failure: unknown;
  private untrack = () => {};
  private count = 0;

  constructor(
    readonly file: string,
    private readonly options: { onError?: (error: FileWriteError) => void; openStream?: OpenStream } = {},
  ) {
    this.temporary = temporaryFileFor(file);
  }

  /** The first write error, if any. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Opens the file (or fails at once: a folder, a missing permission), then writes the HAR's head. */
  async open(): Promise<void> {
    try {
      await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
      const kind = await fileKind(this.file);
      if (kind === "directory") throw new FileWriteError(this.file, "it is a directory");
      this.target = kind === "special" ? this.file : this.temporary;
      if (this.target === this.temporary) this.untrack = trackTemporaryFile(this.temporary);
      const stream = (this.options.openStream ?? openFileStream)(this.target);
      this.stream = stream;
      stream.on("error", (error) => this.fail(error));
      if (stream instanceof WriteStream) await once(stream, "ready");
    } catch (error) {
      await this.discard();
      throw error instanceof FileWriteError ? error : new FileWriteError(this.file, error);
    }
    this.put(
      `{"log":{"version":"1.2","creator":${JSON.stringify({ name: TOOL.name, version: TOOL.version })},"entries":[\n`,
    );
  }

  /** Adds an exchange; callers pass it redacted. After a write error, nothing more is written. */
  write(exchange: RawExchange, startedAt: Date, durationMs: number): void {
    if (!this.stream) throw new Error("HarWriter.open() first");
    this.put(`${this.count++ === 0 ? "" : ",\n"}${JSON.stringify(entry(exchange, startedAt, durationMs))}`);
  }

  /** Ends the HAR and renames it into place; the number of entries. Throws FileWriteError when a write failed. */
  async close(): Promise<number> {
    const stream = this.stream;
    if (!stream) throw new Error("HarWriter.open() first");
    try {
      if (this.failure === undefined) {
        stream.end("\n]}}\n");
        await finished(stream);
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.target === this.temporary) await rename(this.temporary, this.file);
      this.untrack();
      return this.count;
    } catch (error) {
      this.fail(error);
      await this.discard();
      throw new FileWriteError(this.file, this.failure);
    }
  }

  /** Stops writing and removes the temporary file (a device written in place is left as it is). */
  async discard(): Promise<void> {
    this.stream?.destroy();
    if (this.stream) await finished(this.stream).catch(() => {});
    if (this.target !== this.file) await rm(this.temporary, { force: true });
    this.untrack();
  }

  private put(text: string): void {
    if (this.failure === undefined) this.stream?.write(text);
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.options.onError?.(new FileWriteError(this.file, error));
  }
}
