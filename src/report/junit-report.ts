import type {
  ConformanceReport,
  ExchangeResult,
  MatrixCell,
  ReportFinding,
  ReportInputError,
  SkippedExchange,
} from "../types/generated/report.js";
import { allCells } from "./matrix-cells.js";
import type { Reporter } from "./reporter.js";
import { sourceLabel } from "./source-label.js";

/** Exchanges listed in one failure, skipped group or input-error group; the rest are counted. */
export const JUNIT_EXCHANGE_LIMIT = 20;
/** Skipped-reason groups that get a test case of their own; the other reasons share one. */
export const JUNIT_SKIPPED_GROUP_LIMIT = 100;

/** The suite that holds what was not judged: skipped exchanges, input errors, transport failures. */
export const INPUTS_SUITE = "inputs";

// ---------------------------------------------------------------------------------------------------------
// XML 1.0 text

/**
 * Everything XML 1.0 forbids (Char production): C0 controls but tab, LF and CR; lone surrogates (the `u`
 * flag reads them as code points of their own); U+FFFE and U+FFFF.
 */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
/** In attributes, whitespace too: a parser would otherwise normalise tab, LF and CR to spaces. */
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Element text: `& < > " '` escaped (so `]]>` cannot appear) and characters illegal in XML 1.0 removed. */
export function xmlText(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, "").replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] as string);
}

/** An attribute value, for double quotes: as xmlText, and tab, LF and CR as character references. */
export function xmlAttribute(value: string): string {
  return value
    .replace(ILLEGAL_XML_CHARS, "")
    .replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] as string);
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join("");
}

// ---------------------------------------------------------------------------------------------------------
// Findings by matrix cell

interface Group<T> {
  count: number;
  listed: T[];
}

function addTo<T>(group: Group<T>, item: T): void {
  group.count++;
  if (group.listed.length < JUNIT_EXCHANGE_LIMIT) group.listed.push(item);
}

/** The exchanges behind one cell's failures (error findings) or warnings, the first few kept. */
type CellExchanges = Group<{ result: ExchangeResult; findings: ReportFinding[] }>;

interface CellFindings {
  failing: CellExchanges;
  warning: CellExchanges;
}

function cellKey(dialect: string, product: string, action: string, rule: string): string {
  return `${dialect}\u0000${product}\u0000${action}\u0000${rule}`;
}

/** One pass over the results: for each cell, the exchanges that failed its rule and those only warned. */
function findingsByCell(results: readonly ExchangeResult[]): Map<string, CellFindings> {
  const cells = new Map<string, CellFindings>();
  for (const result of results) {
    const byRule = new Map<string, ReportFinding[]>();
    for (const finding of result.findings) {
      const list = byRule.get(finding.rule);
      if (list) list.push(finding);
      else byRule.set(finding.rule, [finding]);
    }
    for (const [rule, findings] of byRule) {
      const key = cellKey(result.dialect, result.product, result.action, rule);
      let cell = cells.get(key);
      if (!cell) {
        cell = { failing: { count: 0, listed: [] }, warning: { count: 0, listed: [] } };
        cells.set(key, cell);
      }
      const errors = findings.filter((f) => f.severity === "error");
      if (errors.length > 0) addTo(cell.failing, { result, findings: errors });
      else addTo(cell.warning, { result, findings });
    }
  }
  return cells;
}

function where(finding: ReportFinding): string {
  if (finding.location !== undefined) return finding.location;
  return finding.pointer === "" ? "(body)" : finding.pointer;
}

/** The text of a failure or of a system-out: each exchange, then its findings of the rule. */
function exchangeList(exchanges: CellExchanges): string {
  const lines: string[] = [];
  for (const { result, findings } of exchanges.listed) {
    lines.push(`${sourceLabel(result.source)} (HTTP ${result.status}, ${result.outcome})`);
    for (const finding of findings) {
      lines.push(`  at ${where(finding)}: ${finding.message}`);
      if (finding.expected !== undefined) lines.push(`    expected: ${finding.expected}`);
      if (finding.actual !== undefined) lines.push(`    actual:   ${finding.actual}`);
    }
  }
  if (exchanges.count > exchanges.listed.length) {
    lines.push(`… and ${exchanges.count - exchanges.listed.length} more (see conformance.json)`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Test cases and suites

interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  cases: string[];
}

function newSuite(name: string): Suite {
  return { name, tests: 0, failures: 0, errors: 0, skipped: 0, cases: [] };
}

function testCase(classname: string, name: string, body = ""): string {
  const open = `    <testcase${attributes({ classname, name, time: 0 })}`;
  return body === "" ? `${open}/>` : `${open}>\n${body}\n    </testcase>`;
}

function element(name: string, attrs: Record<string, string | number>, text?: string): string {
  return text === undefined
    ? `      <${name}${attributes(attrs)}/>`
    : `      <${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}

function addCell(suite: Suite, cell: MatrixCell, findings: CellFindings | undefined): void {
  const classname = `${cell.dialect}.${cell.product}.${cell.action}`;
  suite.tests++;
  if (cell.failed > 0) {
    suite.failures++;
    const message = `${cell.failed} exchange(s) violate ${cell.rule}`;
    const text = findings ? exchangeList(findings.failing) : message;
    const parts = [element("failure", { message, type: cell.rule }, text)];
    if (findings && findings.warning.count > 0) {
      parts.push(element("system-out", {}, `warnings:\n${exchangeList(findings.warning)}`));
    }
    suite.cases.push(testCase(classname, cell.rule, parts.join("\n")));
  } else if (cell.warned > 0) {
    const text = findings
      ? `${cell.warned} exchange(s) draw warnings of ${cell.rule}:\n${exchangeList(findings.warning)}`
      : `${cell.warned} exchange(s) draw warnings of ${cell.rule}`;
    suite.cases.push(testCase(classname, cell.rule, element("system-out", {}, text)));
  } else {
    suite.cases.push(testCase(classname, cell.rule));
  }
}

function skippedList(group: Group<SkippedExchange>, withReason: boolean): string {
  const lines = group.listed.map((s) =>
    withReason ? `${sourceLabel(s.source)}: ${s.reason}` : sourceLabel(s.source),
  );
  if (group.count > group.listed.length) {
    lines.push(`… and ${group.count - group.listed.length} more (see conformance.json)`);
  }
  return lines.join("\n");
}

function skippedCase(suite: Suite, name: string, message: string, list: string): void {
  suite.tests++;
  suite.skipped++;
  suite.cases.push(
    testCase(
      "inputs.skipped",
      name,
      [element("skipped", { message }), element("system-out", {}, list)].join("\n"),
    ),
  );
}

/**
 * A test case per skip reason (the first JUNIT_SKIPPED_GROUP_LIMIT reasons; the others share one). The
 * counts are the summary's (`skippedReasons`), which count the exchanges `skipped` leaves out too.
 */
function addSkipped(suite: Suite, report: ConformanceReport): void {
  const { skipped } = report;
  const groups = new Map<string, Group<SkippedExchange>>();
  const others: Group<SkippedExchange> = { count: 0, listed: [] };
  for (const entry of skipped) {
    let group = groups.get(entry.reason);
    if (!group && groups.size < JUNIT_SKIPPED_GROUP_LIMIT) {
      group = { count: 0, listed: [] };
      groups.set(entry.reason, group);
    }
    addTo(group ?? others, entry);
  }
  const counts = report.summary.skippedReasons;
  if (counts) {
    for (const [reason, count] of Object.entries(counts)) {
      if (!count) continue;
      let group = groups.get(reason);
      if (!group && groups.size < JUNIT_SKIPPED_GROUP_LIMIT) {
        group = { count: 0, listed: [] };
        groups.set(reason, group);
      }
      if (group) group.count = Math.max(group.count, count);
    }
    let grouped = 0;
    for (const group of groups.values()) grouped += group.count;
    others.count = Math.max(others.listed.length, report.summary.skipped - grouped);
  }
  for (const [reason, group] of groups) {
    skippedCase(suite, reason, `${group.count} exchange(s) skipped: ${reason}`, skippedList(group, false));
  }
  if (others.count > 0) {
    skippedCase(
      suite,
      "other reasons",
      `${others.count} exchange(s) skipped for other reasons`,
      skippedList(others, true),
    );
  }
}

/** Input errors, one test case per file: the errors of a damaged NDJSON file may be many. */
function addInputErrors(suite: Suite, inputErrors: readonly ReportInputError[]): void {
  const byFile = new Map<string, Group<ReportInputError>>();
  for (const error of inputErrors) {
    let group = byFile.get(error.file);
    if (!group) {
      group = { count: 0, listed: [] };
      byFile.set(error.file, group);
    }
    addTo(group, error);
  }
  for (const [file, group] of byFile) {
    const first = group.listed[0] as ReportInputError;
    const message =
      group.count === 1 ? first.message : `${group.count} input error(s) in ${file}: ${first.message}, …`;
    const lines = group.listed.map(
      (e) => `${e.file}${e.index === undefined ? "" : `#${e.index}`}: ${e.message}`,
    );
    if (group.count > group.listed.length) lines.push(`… and ${group.count - group.listed.length} more`);
    suite.tests++;
    suite.errors++;
    suite.cases.push(
      testCase(
        "inputs.input-error",
        file,
        element("error", { message, type: "input-error" }, lines.join("\n")),
      ),
    );
  }
}

function addTransportFailures(suite: Suite, report: ConformanceReport): void {
  for (const failure of report.transportFailures) {
    suite.tests++;
    suite.errors++;
    const label = sourceLabel(failure.source);
    suite.cases.push(
      testCase(
        "inputs.transport-failure",
        label,
        element(
          "error",
          { message: `${failure.kind}: ${failure.message}`, type: failure.kind },
          `${label}: no complete HTTP answer after ${failure.durationMs} ms (${failure.kind}): ${failure.message}`,
        ),
      ),
    );
  }
}

function renderSuite(suite: Suite, timestamp: string): string {
  const head = `  <testsuite${attributes({
    name: suite.name,
    tests: suite.tests,
    failures: suite.failures,
    errors: suite.errors,
    skipped: suite.skipped,
    time: 0,
    timestamp,
  })}`;
  return suite.cases.length === 0 ? `${head}/>` : `${head}>\n${suite.cases.join("\n")}\n  </testsuite>`;
}

/**
 * JUnit XML as GitHub, GitLab and Jenkins read it: a test suite per dialect with a test case per matrix
 * cell (classname DIALECT.PRODUCT.ACTION, name RULE), failed when any exchange violates the rule; and a
 * suite "inputs" for what could not be judged (skipped, input errors, transport failures).
 */
export function renderJunit(report: ConformanceReport): string {
  const cellFindings = findingsByCell(report.results);
  const suites = new Map<string, Suite>();
  for (const cell of allCells(report)) {
    let suite = suites.get(cell.dialect);
    if (!suite) {
      suite = newSuite(cell.dialect);
      suites.set(cell.dialect, suite);
    }
    addCell(suite, cell, cellFindings.get(cellKey(cell.dialect, cell.product, cell.action, cell.rule)));
  }
  const inputs = newSuite(INPUTS_SUITE);
  addSkipped(inputs, report);
  addInputErrors(inputs, report.inputErrors);
  addTransportFailures(inputs, report);
  const all = [...suites.values(), ...(inputs.tests > 0 ? [inputs] : [])];
  const total = (key: "tests" | "failures" | "errors" | "skipped") => all.reduce((n, s) => n + s[key], 0);
  const head = `<testsuites${attributes({
    name: `${report.tool.name} ${report.tool.version}`,
    tests: total("tests"),
    failures: total("failures"),
    errors: total("errors"),
    skipped: total("skipped"),
    time: report.durationMs / 1000,
  })}`;
  const body = all.map((suite) => renderSuite(suite, report.startedAt)).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}${all.length === 0 ? "/>" : `>\n${body}\n</testsuites>`}\n`;
}

export const junitReporter: Reporter = {
  name: "junit",
  file: "junit.xml",
  description: "JUnit XML: a test case per dialect, product, action and rule, for CI test reports",
  render: (report) => renderJunit(report),
};
