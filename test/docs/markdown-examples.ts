import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A marker in an HTML comment on the line before a fenced block (blank lines between are allowed), which
 * tells the doc-examples test what the block is: `<!-- example: schema config.schema.json -->`,
 * `<!-- example: ndjson -->`, `<!-- example: fragment -->`, `<!-- not-run: REASON -->`, …
 */
export interface Marker {
  /** "example" or "not-run". */
  name: string;
  /** The rest: "schema config.schema.json", "ndjson", or the reason a block is not run. */
  value: string;
}

export interface CodeBlock {
  /** Relative to the project root: "README.md", "docs/inputs.md". */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word, lower-cased ("" when there is none). */
  lang: string;
  /** The content, with the fence's own indentation removed; `lines[i]` is file line `line + 1 + i`. */
  lines: string[];
  marker: Marker | undefined;
}

/** A code span outside the fenced blocks, e.g. `conformance gate REPORT [--min-score N]`. */
export interface CodeSpan {
  file: string;
  line: number;
  text: string;
}

export interface MarkdownExamples {
  blocks: CodeBlock[];
  spans: CodeSpan[];
}

const FENCE = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/;
const MARKER = /^\s*<!--\s*(example|not-run)\s*:\s*(.*?)\s*-->\s*$/;

/** The fenced blocks and code spans of one Markdown text. */
export function examplesOf(file: string, text: string): MarkdownExamples {
  const source = text.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  const spans: CodeSpan[] = [];
  for (let i = 0; i < source.length; i++) {
    const open = FENCE.exec(source[i] as string);
    if (!open) {
      for (const match of (source[i] as string).matchAll(/(`+)([^`]+?)\1/g))
        spans.push({ file, line: i + 1, text: (match[2] as string).trim() });
      continue;
    }
    const indent = (open[1] as string).length;
    const fence = open[2] as string;
    const lines: string[] = [];
    let j = i + 1;
    for (; j < source.length; j++) {
      const line = source[j] as string;
      const close = line.trim();
      if (close.length >= fence.length && close === (fence[0] as string).repeat(close.length)) break;
      lines.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    }
    if (j === source.length) throw new Error(`${file}:${i + 1}: a fenced block that is never closed`);
    let before = i - 1;
    while (before >= 0 && (source[before] as string).trim() === "") before--;
    const marked = before >= 0 ? MARKER.exec(source[before] as string) : null;
    blocks.push({
      file,
      line: i + 1,
      lang: (open[3] as string).toLowerCase(),
      lines,
      marker: marked ? { name: marked[1] as string, value: marked[2] as string } : undefined,
    });
    i = j;
  }
  return { blocks, spans };
}

/** README.md and every docs/*.md of the project, in that order. */
export function projectDocs(root: string): string[] {
  const docs = readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs];
}

export function readExamples(root: string, files: readonly string[]): MarkdownExamples {
  const all: MarkdownExamples = { blocks: [], spans: [] };
  for (const file of files) {
    const { blocks, spans } = examplesOf(file, readFileSync(path.join(root, file), "utf8"));
    all.blocks.push(...blocks);
    all.spans.push(...spans);
  }
  return all;
}

/** "docs/inputs.md:64". */
export function where(item: { file: string; line: number }): string {
  return `${item.file}:${item.line}`;
}
