import type { ConformanceReport, ExchangeResult, ReportFinding } from "../types/generated/report.js";
import type { ReportContext, Reporter } from "./reporter.js";
import { sourceLabel } from "./source-label.js";

/** Failing exchanges listed; the rest are counted. */
export const MARKDOWN_FAILURE_LIMIT = 10;
/** Rows of the rules table and gate reasons, at most. */
export const MARKDOWN_RULE_LIMIT = 40;
export const MARKDOWN_REASON_LIMIT = 10;
/** The summary never grows past this many bytes (UTF-8), whatever the report. */
export const MARKDOWN_MAX_BYTES = 64 * 1024;

/** Longest text (in UTF-16 code units, after escaping) of one table cell or list item. */
const CELL_LIMIT = 160;
const REASON_LIMIT = 400;

/**
 * What untrusted text becomes so that it stays plain text in one table cell or list item: HTML and entity
 * openers and backticks as entities (so no tag, no code span), the punctuation of emphasis, links, headings
 * and math backslash-escaped (`|` included, which GFM tables honour inside cells), line breaks and other
 * controls as spaces (escapePiece), lone surrogates as U+FFFD.
 */
const MARKDOWN_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "`": "&#96;",
  "|": "\\|",
  "\\": "\\\\",
  "*": "\\*",
  _: "\\_",
  "[": "\\[",
  "]": "\\]",
  "#": "\\#",
  "~": "\\~",
  $: "\\$",
};

function escapePiece(char: string): string {
  const mapped = MARKDOWN_ESCAPES[char];
  if (mapped !== undefined) return mapped;
  const code = char.codePointAt(0) as number;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || (code >= 0x2028 && code <= 0x2029)) {
    return " ";
  }
  if (code >= 0xd800 && code <= 0xdfff) return "\uFFFD";
  return char;
}

/**
 * `text` escaped for a Markdown table cell (see MARKDOWN_ESCAPES), cut with "…" so that the escaped text is
 * at most `limit` code units long: an escape is never cut in half.
 */
export function markdownText(text: string, limit = CELL_LIMIT): string {
  const pieces: string[] = [];
  let length = 0;
  for (const char of text) {
    const piece = escapePiece(char);
    length += piece.length;
    if (length > limit) {
      let cut = "";
      for (const kept of pieces) {
        if (cut.length + kept.length > limit - 1) break;
        cut += kept;
      }
      return `${cut}…`;
    }
    pieces.push(piece);
  }
  return pieces.join("");
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(" | ")} |`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function where(finding: ReportFinding): string {
  if (finding.location !== undefined) return finding.location;
  return finding.pointer === "" ? "(body)" : finding.pointer;
}

function isPassing(report: ConformanceReport, context: ReportContext): boolean {
  if (context.verdict) return context.verdict.passed;
  return (
    report.summary.failed === 0 &&
    report.complete &&
    report.inputErrors.length === 0 &&
    report.transportFailures.length === 0
  );
}

function summaryTable(report: ConformanceReport): string[] {
  const s = report.summary;
  return [
    row(["exchanges", "checked", "skipped", "passed", "failed", "warned", "score", "transport failures"]),
    row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    row([
      count(s.exchanges),
      count(s.checked),
      count(s.skipped),
      count(s.passed),
      count(s.failed),
      count(s.warned),
      `${s.score.toFixed(2)}%`,
      count(s.transportFailures),
    ]),
  ];
}

/** Rules with any failing or warned exchange, from the matrix, most failures first. */
function rulesTable(report: ConformanceReport): string[] {
  const byRule = new Map<string, { failed: number; warned: number }>();
  for (const cell of report.matrix) {
    if (cell.failed === 0 && cell.warned === 0) continue;
    const totals = byRule.get(cell.rule) ?? { failed: 0, warned: 0 };
    totals.failed += cell.failed;
    totals.warned += cell.warned;
    byRule.set(cell.rule, totals);
  }
  if (byRule.size === 0) return [];
  const severity = new Map(report.rules.map((r) => [r.id, r.severity]));
  const sorted = [...byRule].sort(
    (a, b) =>
      b[1].failed - a[1].failed || b[1].warned - a[1].warned || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const lines = [
    "### Rules",
    "",
    row(["rule", "severity", "failing exchanges", "warned exchanges"]),
    row(["---", "---", "---:", "---:"]),
    ...sorted
      .slice(0, MARKDOWN_RULE_LIMIT)
      .map(([rule, t]) =>
        row([
          markdownText(rule, 80),
          markdownText(severity.get(rule) ?? "?", 20),
          count(t.failed),
          count(t.warned),
        ]),
      ),
  ];
  if (sorted.length > MARKDOWN_RULE_LIMIT)
    lines.push("", `… and ${count(sorted.length - MARKDOWN_RULE_LIMIT)} more rules`);
  return lines;
}

function failuresTable(report: ConformanceReport): string[] {
  const failing: ExchangeResult[] = [];
  let total = 0;
  for (const result of report.results) {
    if (!result.findings.some((f) => f.severity === "error")) continue;
    total++;
    if (failing.length < MARKDOWN_FAILURE_LIMIT) failing.push(result);
  }
  // The summary counts the failing exchanges `results` leaves out (past the report's detailLimit) too.
  total = Math.max(total, report.summary.failed);
  if (total === 0) return [];
  const lines = [
    "### Failures",
    "",
    row(["exchange", "rule", "at", "message"]),
    row(["---", "---", "---", "---"]),
  ];
  for (const result of failing) {
    const errors = result.findings.filter((f) => f.severity === "error");
    const first = errors[0] as ReportFinding;
    const others = errors.length > 1 ? ` (+${errors.length - 1} more finding(s))` : "";
    lines.push(
      row([
        markdownText(sourceLabel(result.source)),
        markdownText(first.rule, 80),
        markdownText(where(first)),
        `${markdownText(first.message)}${others}`,
      ]),
    );
  }
  if (total > failing.length) {
    lines.push("", `… and ${count(total - failing.length)} more failing exchange(s) (see conformance.json)`);
  }
  return lines;
}

function notJudged(report: ConformanceReport): string[] {
  const items = [
    ["skipped exchanges", Math.max(report.skipped.length, report.summary.skipped)],
    ["input errors", report.inputErrors.length],
    ["transport failures", report.transportFailures.length],
  ] as const;
  if (items.every(([, n]) => n === 0)) return [];
  return [
    "### Not judged",
    "",
    ...items.map(([what, n]) => `- ${what}: ${count(n)}`),
    ...(report.complete
      ? []
      : ["- the run is incomplete (interrupted, or an input could not be read to its end)"]),
  ];
}

function verdictLines(context: ReportContext): string[] {
  const { verdict } = context;
  if (!verdict) return [];
  const reasons = verdict.reasons
    .slice(0, MARKDOWN_REASON_LIMIT)
    .map((r) => `- ${markdownText(r, REASON_LIMIT)}`);
  if (verdict.reasons.length > MARKDOWN_REASON_LIMIT) {
    reasons.push(`- … and ${verdict.reasons.length - MARKDOWN_REASON_LIMIT} more`);
  }
  return [`**Gate: ${verdict.passed ? "passed" : "failed"}**`, "", ...reasons, ""];
}

/** Never past MARKDOWN_MAX_BYTES: the limits above keep it far below; this is the last guard. */
function capped(text: string): string {
  if (Buffer.byteLength(text) <= MARKDOWN_MAX_BYTES) return text;
  const note = "\n\n… (summary cut at 64 KiB; see conformance.json)\n";
  let end = MARKDOWN_MAX_BYTES - Buffer.byteLength(note);
  let cut = Buffer.from(text).subarray(0, end).toString("utf8");
  if (cut.endsWith("\uFFFD")) cut = cut.slice(0, -1);
  end = cut.lastIndexOf("\n");
  return `${cut.slice(0, end > 0 ? end : cut.length)}${note}`;
}

/**
 * A Markdown summary for a GitHub Actions job summary or a GitLab merge-request comment: verdict, totals,
 * the rules that failed or warned, the first failures. Every string from the report is escaped (see
 * markdownText), so a hostile body, action or file name cannot break a table or inject HTML.
 */
export function renderMarkdown(report: ConformanceReport, context: ReportContext = {}): string {
  const s = report.summary;
  const icon = isPassing(report, context) ? "✅" : "❌";
  const lines = [
    `## ${icon} Cloud API envelope conformance: ${s.score.toFixed(2)}% (${count(s.passed)} of ${count(s.checked)} checked exchange(s) passed)`,
    "",
    ...verdictLines(context),
    ...summaryTable(report),
  ];
  for (const section of [rulesTable(report), failuresTable(report), notJudged(report)]) {
    if (section.length > 0) lines.push("", ...section);
  }
  lines.push(
    "",
    `<sub>${markdownText(`${report.tool.name} ${report.tool.version}`, 80)}, ${markdownText(report.finishedAt, 40)}; every finding is in conformance.json.</sub>`,
  );
  return capped(`${lines.join("\n")}\n`);
}

export const markdownReporter: Reporter = {
  name: "markdown",
  file: "summary.md",
  description: "a Markdown summary for a GitHub Actions job summary or a GitLab merge-request comment",
  render: (report, context) => renderMarkdown(report, context),
};
