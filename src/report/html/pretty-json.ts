import { escapeToken } from "../../model/json-pointer.js";
import { escapeHtml } from "./escape-html.js";

/**
 * Pretty-prints JSON text as HTML (2-space indent, like JSON.stringify(value, null, 2)) and wraps the
 * members and elements at the given JSON pointers in <mark>. It works on the text, token by token, without
 * recursion: numbers keep their digits, members keep their order, and of duplicate keys the last one is
 * marked (the one JSON.parse, and so every rule, reads).
 */

/** Deeper bodies are shown as received: indentation would outgrow them, and no envelope nests so. */
export const PRETTY_MAX_DEPTH = 64;

export interface PrettyJson {
  /** Escaped markup for a <pre>. */
  markup: string;
  /** The pointers that were found and marked. */
  located: Set<string>;
}

interface Frame {
  kind: "object" | "array";
  pointer: string;
  count: number;
  /** In an object: the pointer of the member whose value comes next. */
  member: string;
}

interface OpenMark {
  pointer: string;
  piece: number;
  depth: number;
}

/** The deepest nesting of objects and arrays in JSON text (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** End (exclusive) of the string token starting at `start` (a quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return text.length;
}

/** End (exclusive) of a number or literal token. */
function scalarEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3a) break;
    i++;
  }
  return i;
}

/**
 * `text` must be valid JSON (the caller checks with JSON.parse) nesting at most PRETTY_MAX_DEPTH deep.
 * `marks` maps each pointer to mark to the title of its <mark> (e.g. the rules that point there); the
 * root pointer "" is never marked.
 */
export function prettyJson(text: string, marks: ReadonlyMap<string, string>): PrettyJson {
  const pieces: string[] = [];
  const stack: Frame[] = [];
  const open: OpenMark[] = [];
  const found = new Map<string, { open: number; close: number }>();
  const indent = (depth: number): string => `\n${"  ".repeat(depth)}`;

  const startValue = (pointer: string): void => {
    if (pointer !== "" && marks.has(pointer))
      open.push({ pointer, piece: pieces.length, depth: stack.length });
  };
  const endValue = (): void => {
    while (open.length > 0 && open[open.length - 1]?.depth === stack.length) {
      const mark = open.pop() as OpenMark;
      found.set(mark.pointer, { open: mark.piece, close: pieces.length - 1 });
    }
  };
  /** Called before a value (not a key) is emitted: array elements get their pointer here. */
  const beforeValue = (): void => {
    const frame = stack[stack.length - 1];
    if (frame?.kind !== "array") return;
    if (frame.count > 0) pieces.push(",");
    pieces.push(indent(stack.length));
    startValue(`${frame.pointer}/${frame.count}`);
    frame.count++;
  };

  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x2c) {
      i++;
      continue;
    }
    if (c === 0x3a) {
      pieces.push(": ");
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      const frame = stack.pop() as Frame;
      if (frame.count > 0) pieces.push(indent(stack.length));
      pieces.push(c === 0x7d ? "}" : "]");
      i++;
      endValue();
      expectKey = stack[stack.length - 1]?.kind === "object";
      continue;
    }
    if (expectKey) {
      const frame = stack[stack.length - 1] as Frame;
      const end = stringEnd(text, i);
      const raw = text.slice(i, end);
      if (frame.count > 0) pieces.push(",");
      pieces.push(indent(stack.length));
      frame.member = `${frame.pointer}/${escapeToken(JSON.parse(raw) as string)}`;
      startValue(frame.member);
      frame.count++;
      pieces.push(`<span class="k">${escapeHtml(raw)}</span>`);
      i = end;
      expectKey = false;
      continue;
    }
    beforeValue();
    const parent = stack[stack.length - 1];
    const pointer =
      parent === undefined
        ? ""
        : parent.kind === "array"
          ? `${parent.pointer}/${parent.count - 1}`
          : parent.member;
    if (c === 0x7b || c === 0x5b) {
      pieces.push(c === 0x7b ? "{" : "[");
      stack.push({ kind: c === 0x7b ? "object" : "array", pointer, count: 0, member: "" });
      expectKey = c === 0x7b;
      i++;
      continue;
    }
    const end = c === 0x22 ? stringEnd(text, i) : scalarEnd(text, i);
    const raw = text.slice(i, end);
    const kind = c === 0x22 ? "s" : c === 0x74 || c === 0x66 || c === 0x6e ? "l" : "n";
    pieces.push(`<span class="${kind}">${escapeHtml(raw)}</span>`);
    i = end;
    endValue();
    expectKey = stack[stack.length - 1]?.kind === "object";
  }

  const located = new Set<string>();
  // Innermost first, so that an outer mark opens before and closes after an inner one.
  const ordered = [...found].sort((a, b) => b[0].length - a[0].length);
  for (const [pointer, at] of ordered) {
    const title = marks.get(pointer) ?? "";
    pieces[at.open] = `<mark title="${escapeHtml(title)}">${pieces[at.open] ?? ""}`;
    pieces[at.close] = `${pieces[at.close] ?? ""}</mark>`;
    located.add(pointer);
  }
  return { markup: pieces.join(""), located };
}
