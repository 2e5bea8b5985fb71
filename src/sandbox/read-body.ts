import type { IncomingMessage } from "node:http";

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: "too-large" | "aborted" };

/**
 * Reads a request body of at most `limit` bytes. Past the limit it stops keeping the bytes (memory stays
 * bounded) but keeps draining the request, so that the client can still read the 413 that follows.
 */
export function readBody(message: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(message.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      message.resume();
      resolve({ ok: false, reason: "too-large" });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    message.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(chunk);
    });
    message.on("end", () => {
      if (!tooLarge) resolve({ ok: true, body: Buffer.concat(chunks) });
    });
    message.on("aborted", () => resolve({ ok: false, reason: "aborted" }));
    message.on("error", () => resolve({ ok: false, reason: "aborted" }));
  });
}
