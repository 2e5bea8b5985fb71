import { open } from "node:fs/promises";
import type { RecordingFormat } from "./input-file.js";
import { toInputError } from "./read-error.js";

/** How much of the start of a file decides its format, when its name does not. */
export const SNIFF_BYTES = 4096;

function withoutLeadingSpace(head: string): string {
  return head.replace(/^\uFEFF/, "").trimStart();
}

/** A HAR file starts with `{` and names `"log"` in its first 4 KB; anything else is read as NDJSON. */
export function formatOfHead(head: string): RecordingFormat {
  const text = withoutLeadingSpace(head);
  return text.startsWith("{") && text.includes('"log"') ? "har" : "ndjson";
}

/** The format of a regular file, from its first 4 KB (read in place: the reader reads them again). */
export async function sniffFileFormat(file: string): Promise<RecordingFormat> {
  let head: string;
  try {
    const handle = await open(file);
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.toString("utf8", 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw toInputError(file, error);
  }
  return formatOfHead(head);
}

/** The first `SNIFF_BYTES` bytes of `text`, as text (a character cut in two at the end does not matter). */
function firstBytes(text: string): string {
  return text.length * 3 <= SNIFF_BYTES ? text : Buffer.from(text).subarray(0, SNIFF_BYTES).toString("utf8");
}

/** The format once the head says it before 4 KB have arrived (a FIFO's writer may be slow), else undefined. */
function earlyFormat(head: string): RecordingFormat | undefined {
  const text = withoutLeadingSpace(head);
  if (text === "") return undefined;
  if (!text.startsWith("{")) return "ndjson";
  return firstBytes(head).includes('"log"') ? "har" : undefined;
}

/**
 * The format of a text that can be read only once (a FIFO, a pipe, a device), from the same 4 KB as for a
 * file, and the whole text again: the chunks read to decide, then the rest. The format is decided as soon
 * as the head settles it, or once 4 KB have arrived, or at the end of the text.
 */
export async function sniffChunks(
  chunks: AsyncGenerator<string>,
): Promise<{ format: RecordingFormat; chunks: AsyncGenerator<string> }> {
  const head: string[] = [];
  let text = "";
  let ended = false;
  let early: RecordingFormat | undefined;
  for (;;) {
    early = earlyFormat(text);
    if (early || Buffer.byteLength(text) >= SNIFF_BYTES) break;
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    text += next.value;
  }
  return {
    format: early ?? formatOfHead(firstBytes(text)),
    chunks: replay(head, ended ? undefined : chunks),
  };
}

async function* replay(head: string[], rest: AsyncGenerator<string> | undefined): AsyncGenerator<string> {
  try {
    yield* head;
    if (rest) yield* rest;
  } finally {
    await rest?.return(undefined);
  }
}
