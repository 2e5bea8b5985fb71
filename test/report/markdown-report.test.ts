import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import type { GateVerdict } from "../../src/gate/gate.js";
import { recordingsDir } from "../../src/project-paths.js";
import {
  MARKDOWN_FAILURE_LIMIT,
  MARKDOWN_MAX_BYTES,
  markdownReporter,
  markdownText,
} from "../../src/report/markdown-report.js";
import type { ConformanceReport, ExchangeResult, MatrixCell } from "../../src/types/generated/report.js";
import { tencentLine } from "../support/ndjson-lines.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const HOSTILE =
  "x]]><script>alert(1)</script>|`code`&amp;\u0001\u001b\ud800'\"\n\r| [a](javascript:x) *b* $m$";
const UUID = "b5b41468-520d-4192-b42f-595cc34b6c1c";
const MANY = 25;

function hostileLines(): string[] {
  return [
    tencentLine(`Describe${HOSTILE}`, 400, {
      Response: { Error: { Code: `Bad${HOSTILE}`, Message: HOSTILE }, RequestId: `id${HOSTILE}` },
    }),
    tencentLine("DescribeZones", 200, "{not json"),
    "not json at all",
    tencentLine("WarnOnly", 200, { Response: { RequestId: "not-a-uuid" } }),
    ...Array.from({ length: MANY }, () => tencentLine("Many", 502, { Response: { RequestId: UUID } })),
  ];
}

/** Number of cell separators in a table row: `|` not escaped by a backslash. */
function pipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "|") count++;
  }
  return count;
}

/** Every table: rows as many cells as the header, each row one line that opens and closes with a pipe. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("|")) {
      if (!current) {
        current = [];
        found.push(current);
      }
      current.push(line);
    } else current = undefined;
  }
  for (const table of found) {
    const header = table[0] as string;
    expect(table[1], `delimiter row of ${header}`).to.match(/^\|( -*:?-+:? \|)+$/);
    for (const line of table) {
      expect(pipes(line), line).to.equal(pipes(header));
      expect(line.endsWith(" |"), line).to.equal(true);
    }
  }
  return found;
}

/** No HTML but the reporter's own <sub>, no code span, no control character, no lone surrogate. */
function expectInert(markdown: string): void {
  expect(markdown.replace(/<\/?sub>/g, "")).to.not.include("<");
  expect(markdown).to.not.include("`");
  const controls = [...markdown].filter(
    (c) => c !== "\n" && ((c.codePointAt(0) ?? 0) < 0x20 || c === "\u007f"),
  );
  expect(controls, "control characters").to.deep.equal([]);
  expect(markdown).to.not.match(/[\ud800-\udfff]/u);
  expect(markdown).to.not.match(/(?<!\\)\[/);
}

describe("markdown reporter", () => {
  const tempDir = useTempDir();
  let shipped: ConformanceReport;
  let hostile: ConformanceReport;
  let hostileFile: string;
  const failedGate: GateVerdict = {
    passed: false,
    reasons: [`score below 100 | ${HOSTILE}`, "second reason"],
  };

  before(async () => {
    const engine = await sharedEngine();
    shipped = await checkRecordings([recordingsDir], engine, { maxBodyBytes: 1 << 20 });
    hostileFile = path.join(tempDir(), "hostile |&<x>`.ndjson");
    await writeFile(hostileFile, `${hostileLines().join("\n")}\n`);
    hostile = await checkRecordings([hostileFile], engine, { maxBodyBytes: 1 << 20 });
  });

  it("is named markdown and writes summary.md", () => {
    expect(markdownReporter.name).to.equal("markdown");
    expect(markdownReporter.file).to.equal("summary.md");
  });

  it("summarises a passing run with ✅, the gate's verdict and the totals", () => {
    const verdict: GateVerdict = {
      passed: true,
      reasons: ["score 100.00 ≥ 100 over 29 checked exchange(s)"],
    };
    const markdown = markdownReporter.render(shipped, { verdict });
    const [title] = markdown.split("\n");
    expect(title).to.match(/^## ✅ /);
    expect(title).to.include("100.00%");
    expect(markdown).to.include("**Gate: passed**");
    expect(markdown).to.include("- score 100.00 ≥ 100 over 29 checked exchange(s)");
    const [summary] = tables(markdown);
    expect(summary?.[0]).to.equal(
      "| exchanges | checked | skipped | passed | failed | warned | score | transport failures |",
    );
    const s = shipped.summary;
    expect(summary?.[2]).to.equal(
      `| ${s.exchanges} | ${s.checked} | ${s.skipped} | ${s.passed} | 0 | ${s.warned} | 100.00% | 0 |`,
    );
    expect(markdown).to.not.include("### Failures");
    expect(markdown).to.not.include("### Not judged");
    expectInert(markdown);
  });

  it("without a verdict, decides ✅ or ❌ from the report", () => {
    expect(markdownReporter.render(shipped, {})).to.match(/^## ✅ /);
    expect(markdownReporter.render(shipped, {})).to.not.include("Gate:");
    expect(markdownReporter.render(hostile, {})).to.match(/^## ❌ /);
  });

  it("lists rules with failing and warned exchange counts, only rules with any", () => {
    const markdown = markdownReporter.render(hostile, { verdict: failedGate });
    const rules = tables(markdown)[1] ?? [];
    expect(rules[0]).to.equal("| rule | severity | failing exchanges | warned exchanges |");
    const rows = rules
      .slice(2)
      .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| | \|$/g, "")));
    const expected = new Map<string, [number, number]>();
    for (const cell of hostile.matrix) {
      if (cell.failed + cell.warned === 0) continue;
      const [f, w] = expected.get(cell.rule) ?? [0, 0];
      expected.set(cell.rule, [f + cell.failed, w + cell.warned]);
    }
    expect(rows.map((r) => r[0]).sort()).to.deep.equal([...expected.keys()].sort());
    for (const [rule, , failing, warned] of rows) {
      expect([Number(failing), Number(warned)], rule).to.deep.equal(expected.get(rule as string));
    }
    expect(rows.find((r) => r[0] === "status-outcome")?.[2]).to.equal(String(MANY + 1));
    expect(rows.find((r) => r[0] === "request-id-format")?.[3]).to.equal("2");
  });

  it(`shows the first ${MARKDOWN_FAILURE_LIMIT} failures, then counts the rest`, () => {
    const markdown = markdownReporter.render(hostile, { verdict: failedGate });
    const failures = tables(markdown)[2] ?? [];
    expect(failures[0]).to.equal("| exchange | rule | at | message |");
    expect(failures).to.have.length(2 + MARKDOWN_FAILURE_LIMIT);
    const failing = hostile.results.filter((r) => r.findings.some((f) => f.severity === "error")).length;
    expect(failing).to.equal(MANY + 2);
    expect(markdown).to.include(`… and ${failing - MARKDOWN_FAILURE_LIMIT} more failing exchange(s)`);
    expect(failures[2]).to.include("\\#0 | status-outcome | status | HTTP 400 on a tencent error response");
    expect(failures[3]).to.include("\\#1 | body-parseable | (body) | body is not valid JSON");
  });

  it("gives the gate's verdict and reasons, and the counts of what was not judged", () => {
    const markdown = markdownReporter.render(hostile, { verdict: failedGate });
    expect(markdown.split("\n")[0]).to.match(/^## ❌ /);
    expect(markdown).to.include("**Gate: failed**");
    expect(markdown).to.include("- second reason");
    expect(markdown).to.include("- skipped exchanges: 1");
    expect(markdown).to.include("- input errors: 1");
    expect(markdown).to.include("- transport failures: 0");
  });

  it("escapes hostile strings so that tables stay intact and no HTML gets through", () => {
    const markdown = markdownReporter.render(hostile, { verdict: failedGate });
    expectInert(markdown);
    tables(markdown);
    expect(markdown).to.include("&lt;script&gt;");
    expect(markdown).to.include("&amp;amp;");
    expect(markdown).to.include("/hostile \\|&amp;&lt;x&gt;&#96;.ndjson\\#0");
    expect(markdown).to.include("- score below 100 \\| x\\]\\]&gt;&lt;script&gt;");
  });

  it("escapes one string at a time and cuts it without breaking an escape", () => {
    expect(markdownText("a|b<c>d`e&f\\g*h_i[j]k#l~m$n\no\rp\u0001q\ud800r")).to.equal(
      "a\\|b&lt;c&gt;d&#96;e&amp;f\\\\g\\*h\\_i\\[j\\]k\\#l\\~m\\$n o p q\uFFFDr",
    );
    expect(markdownText("||||||", 6)).to.equal("\\|\\|…");
    expect(markdownText("&&&", 8)).to.equal("&amp;…");
    expect(markdownText("shorts", 6)).to.equal("shorts");
    expect(markdownText("shorter", 6)).to.equal("short…");
  });

  it(`stays under ${MARKDOWN_MAX_BYTES / 1024} KiB whatever the report's size`, () => {
    const huge = "界|<`".repeat(5_000);
    const result = hostile.results[0] as ExchangeResult;
    const results = Array.from({ length: 20_000 }, (_, index) => ({
      ...result,
      source: { file: `${huge}.ndjson`, index },
      findings: result.findings.map((f) => ({ ...f, severity: "error" as const, rule: huge, message: huge })),
    }));
    const matrix: MatrixCell[] = Array.from({ length: 2_000 }, (_, i) => ({
      dialect: "tencent",
      product: "cvm",
      action: huge,
      rule: `${i}${huge}`,
      checked: 1,
      failed: 1,
      warned: 0,
    }));
    const big: ConformanceReport = { ...hostile, results, matrix };
    const verdict: GateVerdict = { passed: false, reasons: Array.from({ length: 1000 }, () => huge) };
    const markdown = markdownReporter.render(big, { verdict });
    expect(Buffer.byteLength(markdown)).to.be.at.most(MARKDOWN_MAX_BYTES);
    expectInert(markdown);
    expect(tables(markdown)).to.have.length(3);
    expect(markdown).to.include("… and 1,960 more rules");
    expect(markdown).to.include("… and 19,990 more failing exchange(s)");
  });
});
