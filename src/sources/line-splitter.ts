import { TextCapture } from "./text-capture.js";

/** What the splitter found in the text given to it so far. */
export type LineEvent =
  /** Line `index` (0-based), without its line end (LF or CRLF). */
  | { type: "line"; index: number; text: string }
  /**
   * Line `index` grew longer than the splitter keeps. It is reported once, as soon as it crosses the limit;
   * the rest of it, up to the next LF, is counted but not kept.
   */
  | { type: "oversized-line"; index: number };

const LF = "\n";
const CR = "\r";

/**
 * Splits a text that arrives chunk by chunk into lines ending with LF (a CR before the LF is dropped), keeping
 * at most `maxLength` characters of any one line: memory stays bounded by the limit, never by the line, so a
 * line of gigabytes (or one that never ends, as /dev/zero's) costs no more than one at the limit.
 */
export class LineSplitter {
  private readonly capture: TextCapture;
  private index = 0;
  /** Whether the current line was already reported as oversized. */
  private reported = false;
  private events: LineEvent[] = [];

  constructor(maxLength: number) {
    this.capture = new TextCapture(maxLength);
  }

  /** Splits the next chunk. */
  push(chunk: string): LineEvent[] {
    this.events = [];
    let start = 0;
    for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
      if (!this.capture.active) this.capture.start(start);
      this.endLine(this.capture.finish(chunk, end));
      start = end + 1;
    }
    if (start < chunk.length) {
      if (!this.capture.active) this.capture.start(start);
      this.capture.endOfChunk(chunk);
      if (this.capture.overflowed) this.reportOversized();
    }
    return this.events;
  }

  /** Call at the end of the text: the last line, when it has no line end. */
  finish(): LineEvent[] {
    this.events = [];
    if (this.capture.active) this.endLine(this.capture.finish("", 0));
    return this.events;
  }

  private reportOversized(): void {
    if (this.reported) return;
    this.reported = true;
    this.events.push({ type: "oversized-line", index: this.index });
  }

  private endLine(text: string | undefined): void {
    if (text === undefined) this.reportOversized();
    else
      this.events.push({
        type: "line",
        index: this.index,
        text: text.endsWith(CR) ? text.slice(0, -1) : text,
      });
    this.index++;
    this.reported = false;
  }
}
