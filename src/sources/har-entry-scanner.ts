import { TextCapture } from "./text-capture.js";

/** What the scanner found in the text given to it so far. */
export type HarScanEvent =
  /** The complete JSON text of entry `index` of `log.entries`, starting at character `offset` of the file. */
  | { type: "entry"; index: number; text: string; offset: number }
  /** Entry `index` was longer than the scanner keeps; its text was dropped. */
  | { type: "oversized-entry"; index: number; length: number }
  /** Entry `index` ended; as `keepEntry` asked, its text was not kept. */
  | { type: "unkept-entry"; index: number }
  /** A problem with the whole file; the scanner stops. `index` is the entry it happened in, if any. */
  | { type: "error"; message: string; index?: number };

/** What the scanner expects next. */
enum Mode {
  /** A value (after `:` or `,` in an array, or at the very start). */
  Value,
  /** A value or `]` (just after `[`). */
  ValueOrClose,
  /** A property name (after `,` in an object). */
  Key,
  /** A property name or `}` (just after `{`). */
  KeyOrClose,
  Colon,
  /** `,` or the end of the container. */
  AfterValue,
  /** Inside a string. */
  String,
  /** Inside a number or a literal (true, false, null). */
  Scalar,
  /** After the top-level value: only whitespace may follow. */
  Done,
}

type Container = "object" | "array";

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const LEFT_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RIGHT_BRACKET = 0x5d;
const LEFT_BRACE = 0x7b;
const RIGHT_BRACE = 0x7d;
const BOM = 0xfeff;

/** Property names at the levels that matter (`log`, `entries`) are short; longer ones are not kept. */
const MAX_KEPT_KEY_LENGTH = 1024;
const MAX_SCALAR_LENGTH = 1024;
const JSON_SCALAR = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/** Depth (number of open containers) at which an entry of `log.entries` is a value. */
const ENTRY_DEPTH = 3;

function isScalarChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || // 0-9
    (c >= 0x61 && c <= 0x7a) || // a-z (true, false, null, e)
    c === 0x2d || // -
    c === 0x2b || // +
    c === 0x2e || // .
    c === 0x45 // E
  );
}

/**
 * The index of the quote that closes a string whose contents go on from `from` (where no escape is pending),
 * or -1 when the chunk ends first.
 */
function closingQuote(s: string, from: number): number {
  let clean = from;
  for (;;) {
    const quote = s.indexOf('"', clean);
    if (quote === -1 || backslashesBefore(s, clean, quote) % 2 === 0) return quote;
    clean = quote + 1;
  }
}

/** The length of the run of backslashes that ends just before `end` and starts at `from` or later. */
function backslashesBefore(s: string, from: number, end: number): number {
  let j = end;
  while (j > from && s.charCodeAt(j - 1) === BACKSLASH) j--;
  return end - j;
}

/**
 * The index just after the number or literal that starts at `start`, or -1 when it is malformed, too long or
 * cut by the end of the chunk (the general path then reads it, and reports it if it is wrong).
 */
function scalarEnd(s: string, start: number): number {
  let end = start;
  while (end < s.length && isScalarChar(s.charCodeAt(end))) end++;
  if (end === s.length || end - start > MAX_SCALAR_LENGTH) return -1;
  return JSON_SCALAR.test(s.slice(start, end)) ? end : -1;
}

function describeChar(c: number): string {
  return c === QUOTE ? "'\"'" : `'${String.fromCharCode(c)}'`;
}

/** Thrown inside the scanner to stop at a whole-file problem; turned into an `error` event. */
class ScanStop extends Error {}

/**
 * Finds the entries of `log.entries` in a HAR file's text as it arrives chunk by chunk, without ever holding
 * more than one entry. It checks the JSON grammar of the whole file (containers, commas, colons, numbers,
 * literals) and hands over each entry's raw text as soon as the entry ends; the entry's own string contents
 * are left to JSON.parse. Strings are skipped with indexOf, not character by character, because a recorded
 * body can be tens of megabytes long.
 */
export class HarEntryScanner {
  private mode: Mode = Mode.Value;
  private readonly containers: Container[] = [];
  /** Characters of the file before the current chunk. */
  private consumed = 0;
  private line = 1;
  /** Character offset where the current line starts. */
  private lineStart = 0;
  private atStart = true;
  private sawTopLevelValue = false;
  private stopped = false;
  private events: HarScanEvent[] = [];

  private stringIsKey = false;
  /** Whether the previous chunk ended inside a string with a backslash that escapes this chunk's first character. */
  private escapePending = false;
  private scalarText = "";
  private scalarOffset = 0;
  /** The last property name read in the top-level object or in `log`, for the value that follows it. */
  private pendingKey: string | undefined;
  private readonly keyCapture = new TextCapture(MAX_KEPT_KEY_LENGTH);

  private sawLog = false;
  private inLog = false;
  private sawEntries = false;
  private inEntries = false;
  private readonly entryCapture: TextCapture;
  private nextEntryIndex = 0;
  private entryIndex = 0;
  private entryOffset = 0;
  private entryKept = true;

  /**
   * @param maxEntryLength longest entry text, in characters, that is kept; longer ones are dropped.
   * @param keepEntry asked as entry `index` begins: whether to keep its text. An entry not kept is still
   *   scanned (its grammar is the file's), but only reported as `unkept-entry` when it ends (a shard
   *   passes over the entries other shards own this way, without holding or parsing them).
   */
  constructor(
    maxEntryLength: number,
    private readonly keepEntry: (index: number) => boolean = () => true,
  ) {
    this.entryCapture = new TextCapture(maxEntryLength);
  }

  /** Scans the next chunk of the file's text. */
  scan(chunk: string): HarScanEvent[] {
    this.events = [];
    if (this.stopped) return this.events;
    try {
      this.scanChunk(chunk);
    } catch (error) {
      if (!(error instanceof ScanStop)) throw error;
    }
    this.consumed += chunk.length;
    return this.events;
  }

  /** Call at the end of the file: reports a file that is empty or ends too early. */
  finish(): HarScanEvent[] {
    this.events = [];
    if (this.stopped) return this.events;
    try {
      this.checkComplete();
    } catch (error) {
      if (!(error instanceof ScanStop)) throw error;
    }
    return this.events;
  }

  private checkComplete(): void {
    if (this.mode === Mode.Done) return;
    if (!this.sawTopLevelValue) this.stop("the file is empty");
    if (this.entryCapture.active) {
      this.stop(`truncated: the file ends inside entry ${this.entryIndex} of log.entries`, this.entryIndex);
    }
    if (this.inEntries) {
      const after =
        this.nextEntryIndex === 0 ? "before its first entry" : `after entry ${this.nextEntryIndex - 1}`;
      this.stop(`truncated: the file ends inside log.entries, ${after}`);
    }
    this.stop(`truncated: the file ends at character ${this.consumed} before the JSON is complete`);
  }

  private scanChunk(s: string): void {
    let i = this.skipByteOrderMark(s);
    while (i < s.length) {
      if (this.mode === Mode.String) {
        i = this.skipString(s, i);
      } else if (this.mode === Mode.Scalar) {
        i = this.continueScalar(s, i);
      } else {
        if (this.containers.length > ENTRY_DEPTH) i = this.skimNested(s, i);
        i = this.skipWhitespace(s, i);
        if (i < s.length) i = this.structural(s, i, s.charCodeAt(i));
      }
    }
    this.keepChunkTail(s);
  }

  /** Keeps the end of the chunk for the captures still under way. */
  private keepChunkTail(s: string): void {
    if (this.keyCapture.active) this.keyCapture.endOfChunk(s);
    if (this.entryCapture.active) this.entryCapture.endOfChunk(s);
  }

  /** The index to start the first chunk from: past a byte order mark, if the file starts with one. */
  private skipByteOrderMark(s: string): number {
    if (!this.atStart || s.length === 0) return 0;
    this.atStart = false;
    return s.charCodeAt(0) === BOM ? 1 : 0;
  }

  /** Skips whitespace from `i`, counting lines; returns the index of the next other character, or the chunk's length. */
  private skipWhitespace(s: string, i: number): number {
    let j = i;
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === LF) {
        this.line++;
        this.lineStart = this.consumed + j + 1;
      } else if (c !== SPACE && c !== TAB && c !== CR) {
        break;
      }
    }
    return j;
  }

  /**
   * The fast path for most of a HAR file: the values nested inside an entry (deeper than ENTRY_DEPTH), where
   * nothing of the HAR structure is tracked, only the grammar. It reads whole tokens while they are well
   * formed and complete in this chunk, with its state in local variables, and stops at the first token it
   * leaves to `structural` (the general path): one a chunk cuts, the close of the entry itself, or anything
   * malformed, so that every error is still found and worded by one path. Returns where it stopped.
   */
  private skimNested(s: string, start: number): number {
    const containers = this.containers;
    let mode = this.mode;
    let line = this.line;
    let lineStart = this.lineStart;
    let i = start;
    skim: while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === SPACE || c === TAB || c === CR) {
        i++;
        continue;
      }
      if (c === LF) {
        i++;
        line++;
        lineStart = this.consumed + i;
        continue;
      }
      switch (mode) {
        case Mode.Value:
        case Mode.ValueOrClose: {
          let end = -1;
          if (c === QUOTE) {
            end = closingQuote(s, i + 1) + 1;
          } else if (isScalarChar(c)) {
            end = scalarEnd(s, i);
          } else if (c === LEFT_BRACE || c === LEFT_BRACKET) {
            containers.push(c === LEFT_BRACE ? "object" : "array");
            mode = c === LEFT_BRACE ? Mode.KeyOrClose : Mode.ValueOrClose;
            i++;
            continue;
          } else if (
            c === RIGHT_BRACKET &&
            mode === Mode.ValueOrClose &&
            containers.length > ENTRY_DEPTH + 1
          ) {
            end = i + 1;
            containers.pop();
          }
          if (end <= 0) break skim;
          i = end;
          mode = Mode.AfterValue;
          continue;
        }
        case Mode.Key:
        case Mode.KeyOrClose:
          if (c === QUOTE) {
            const quote = closingQuote(s, i + 1);
            if (quote === -1) break skim;
            i = quote + 1;
            mode = Mode.Colon;
          } else if (c === RIGHT_BRACE && mode === Mode.KeyOrClose && containers.length > ENTRY_DEPTH + 1) {
            containers.pop();
            i++;
            mode = Mode.AfterValue;
          } else {
            break skim;
          }
          continue;
        case Mode.Colon:
          if (c !== COLON) break skim;
          i++;
          mode = Mode.Value;
          continue;
        case Mode.AfterValue: {
          const inObject = containers[containers.length - 1] === "object";
          if (c === COMMA) {
            mode = inObject ? Mode.Key : Mode.Value;
          } else if (c === (inObject ? RIGHT_BRACE : RIGHT_BRACKET) && containers.length > ENTRY_DEPTH + 1) {
            containers.pop();
          } else {
            break skim;
          }
          i++;
          continue;
        }
        default:
          break skim;
      }
    }
    this.mode = mode;
    this.line = line;
    this.lineStart = lineStart;
    return i;
  }

  /** Handles a character outside strings and scalars; returns the index to go on from. */
  private structural(s: string, i: number, c: number): number {
    switch (this.mode) {
      case Mode.Value:
      case Mode.ValueOrClose:
        if (c === LEFT_BRACE) {
          this.beginValue(i, "object");
          this.containers.push("object");
          this.mode = Mode.KeyOrClose;
        } else if (c === LEFT_BRACKET) {
          this.beginValue(i, "array");
          this.containers.push("array");
          this.mode = Mode.ValueOrClose;
        } else if (c === QUOTE) {
          this.beginValue(i, "string");
          this.beginString(false);
        } else if (isScalarChar(c)) {
          this.beginValue(i, "scalar");
          this.scalarText = "";
          this.scalarOffset = this.consumed + i;
          this.mode = Mode.Scalar;
          return i; // the scalar's first character is read by continueScalar
        } else if (c === RIGHT_BRACKET && this.mode === Mode.ValueOrClose) {
          this.closeContainer(s, i);
        } else {
          this.syntaxError(i, `expected a value, found ${describeChar(c)}`);
        }
        return i + 1;
      case Mode.Key:
      case Mode.KeyOrClose:
        if (c === QUOTE) {
          this.beginString(true);
          const keyMatters = this.containers.length === 1 || (this.containers.length === 2 && this.inLog);
          if (keyMatters) this.keyCapture.start(i);
          this.pendingKey = undefined;
        } else if (c === RIGHT_BRACE && this.mode === Mode.KeyOrClose) {
          this.closeContainer(s, i);
        } else {
          this.syntaxError(i, `expected a property name in double quotes, found ${describeChar(c)}`);
        }
        return i + 1;
      case Mode.Colon:
        if (c !== COLON)
          this.syntaxError(i, `expected ':' after the property name, found ${describeChar(c)}`);
        this.mode = Mode.Value;
        return i + 1;
      case Mode.AfterValue: {
        const inObject = this.containers.at(-1) === "object";
        if (c === COMMA) {
          this.mode = inObject ? Mode.Key : Mode.Value;
        } else if (c === (inObject ? RIGHT_BRACE : RIGHT_BRACKET)) {
          this.closeContainer(s, i);
        } else {
          this.syntaxError(i, `expected ',' or '${inObject ? "}" : "]"}', found ${describeChar(c)}`);
        }
        return i + 1;
      }
      default:
        this.syntaxError(i, `unexpected ${describeChar(c)} after the end of the JSON value`);
    }
  }

  /** Notes where the value that starts at `i` sits in the HAR structure. */
  private beginValue(i: number, kind: Container | "string" | "scalar"): void {
    const depth = this.containers.length;
    const key = this.pendingKey;
    this.pendingKey = undefined;
    if (depth === 0) {
      this.sawTopLevelValue = true;
      if (kind !== "object") this.stop("not a HAR file: the top-level value is not an object");
    } else if (depth === 1 && key === "log" && !this.sawLog) {
      this.sawLog = true;
      if (kind !== "object") this.stop("not a HAR file: log is not an object");
      this.inLog = true;
    } else if (depth === 2 && this.inLog && key === "entries" && !this.sawEntries) {
      this.sawEntries = true;
      if (kind !== "array") this.stop("not a HAR file: log.entries is not an array");
      this.inEntries = true;
    } else if (depth === ENTRY_DEPTH && this.inEntries) {
      this.entryIndex = this.nextEntryIndex++;
      this.entryOffset = this.consumed + i;
      this.entryKept = this.keepEntry(this.entryIndex);
      this.entryCapture.start(i, this.entryKept);
    }
  }

  private closeContainer(s: string, i: number): void {
    const depth = this.containers.length;
    this.containers.pop();
    if (depth === ENTRY_DEPTH && this.inEntries) {
      this.inEntries = false;
    } else if (depth === 2 && this.inLog) {
      this.inLog = false;
      if (!this.sawEntries) this.stop("not a HAR file: no log.entries array");
    } else if (depth === 1 && !this.sawLog) {
      this.stop("not a HAR file: no log object");
    }
    this.valueEnded(s, i + 1);
  }

  /** A value ended just before `end`: hands over the entry it completes, if any. */
  private valueEnded(s: string, end: number): void {
    if (this.entryCapture.active && this.inEntries && this.containers.length === ENTRY_DEPTH) {
      const text = this.entryCapture.finish(s, end);
      if (!this.entryKept) {
        this.events.push({ type: "unkept-entry", index: this.entryIndex });
      } else if (text === undefined) {
        this.events.push({
          type: "oversized-entry",
          index: this.entryIndex,
          length: this.entryCapture.length,
        });
      } else {
        this.events.push({ type: "entry", index: this.entryIndex, text, offset: this.entryOffset });
      }
    }
    this.mode = this.containers.length === 0 ? Mode.Done : Mode.AfterValue;
  }

  private beginString(isKey: boolean): void {
    this.stringIsKey = isKey;
    this.escapePending = false;
    this.mode = Mode.String;
  }

  /** Skips string contents from `i`; returns the index after the closing quote, or the chunk's length. */
  private skipString(s: string, i: number): number {
    // A backslash that ended the previous chunk escapes this chunk's first character.
    const from = this.escapePending ? i + 1 : i;
    const quote = closingQuote(s, from);
    if (quote === -1) {
      this.escapePending = backslashesBefore(s, from, s.length) % 2 === 1;
      return s.length;
    }
    this.escapePending = false;
    this.endString(s, quote);
    return quote + 1;
  }

  private endString(s: string, quote: number): void {
    if (!this.stringIsKey) {
      this.valueEnded(s, quote + 1);
      return;
    }
    if (this.keyCapture.active) {
      const raw = this.keyCapture.finish(s, quote + 1);
      if (raw !== undefined) {
        try {
          this.pendingKey = JSON.parse(raw) as string;
        } catch (error) {
          this.syntaxError(quote, `invalid property name: ${(error as Error).message}`);
        }
      }
    }
    this.mode = Mode.Colon;
  }

  /** Reads scalar characters from `i`; returns the index of the first character after the scalar. */
  private continueScalar(s: string, i: number): number {
    let j = i;
    while (j < s.length && isScalarChar(s.charCodeAt(j))) j++;
    this.scalarText += s.slice(i, j);
    if (this.scalarText.length > MAX_SCALAR_LENGTH) this.scalarError();
    if (j < s.length) {
      if (!JSON_SCALAR.test(this.scalarText)) this.scalarError();
      this.valueEnded(s, j);
    }
    return j;
  }

  private scalarError(): never {
    const shown = this.scalarText.length > 40 ? `${this.scalarText.slice(0, 40)}…` : this.scalarText;
    return this.syntaxErrorAt(this.scalarOffset, `'${shown}' is not a number, true, false or null`);
  }

  private syntaxError(i: number, what: string): never {
    return this.syntaxErrorAt(this.consumed + i, what);
  }

  /** Stops with a syntax error at character `offset` of the file. */
  private syntaxErrorAt(offset: number, what: string): never {
    // Only scalars report an offset other than the current character, and they never span lines.
    const column = offset - this.lineStart + 1;
    return this.stop(`syntax error at character ${offset} (line ${this.line}, column ${column}): ${what}`);
  }

  private stop(message: string, index?: number): never {
    const entryIndex = index ?? (this.entryCapture.active ? this.entryIndex : undefined);
    this.events.push(
      entryIndex === undefined ? { type: "error", message } : { type: "error", message, index: entryIndex },
    );
    this.stopped = true;
    throw new ScanStop(message);
  }
}
