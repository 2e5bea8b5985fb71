import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir } from "../../src/project-paths.js";
import {
  INPUTS_SUITE,
  JUNIT_EXCHANGE_LIMIT,
  junitReporter,
  xmlAttribute,
  xmlText,
} from "../../src/report/junit-report.js";
import { allCells } from "../../src/report/matrix-cells.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { tencentLine } from "../support/ndjson-lines.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const HOSTILE = "x]]><script>alert(1)</script>|`&amp;\u0001\u001b\ud800'\"\n\ttab";
const UUID = "b5b41468-520d-4192-b42f-595cc34b6c1c";
const MANY = 25;

/** NDJSON lines: failures, warnings, a bad line, an unknown host, and hostile strings everywhere. */
function hostileLines(): string[] {
  return [
    tencentLine(`Describe${HOSTILE}`, 400, {
      Response: { Error: { Code: `Bad${HOSTILE}`, Message: HOSTILE }, RequestId: `id${HOSTILE}` },
    }),
    tencentLine("DescribeZones", 200, "{not json"),
    "not json at all",
    JSON.stringify({
      request: { method: "GET", url: "https://example.com/" },
      response: { status: 200, body: "" },
    }),
    tencentLine("WarnOnly", 200, { Response: { RequestId: "not-a-uuid" } }),
    ...Array.from({ length: MANY }, () => tencentLine("Many", 502, { Response: { RequestId: UUID } })),
  ];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ["testsuite", "testcase"].includes(name),
});

interface ParsedCase {
  classname: string;
  name: string;
  time: string;
  failure?: { message: string; type: string; "#text": string };
  error?: { message: string; type: string; "#text": string };
  skipped?: { message: string };
  "system-out"?: string;
}
interface ParsedSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase?: ParsedCase[];
}
interface ParsedJunit {
  testsuites: Record<string, string> & { testsuite?: ParsedSuite[] };
}

/** Anything XML 1.0 forbids, which XMLValidator does not look for. */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function parseJunit(xml: string): ParsedJunit {
  expect(XMLValidator.validate(xml)).to.equal(true);
  expect(ILLEGAL.test(xml), "a character illegal in XML 1.0").to.equal(false);
  // No raw markup inside attribute values, and no line breaks that a parser would normalise away.
  for (const [, value] of xml.matchAll(/="([^"]*)"/g)) expect(value).to.not.match(/[<>\n\r\t]/);
  return parser.parse(xml) as ParsedJunit;
}

function cases(parsed: ParsedJunit): ParsedCase[] {
  return (parsed.testsuites.testsuite ?? []).flatMap((s) => s.testcase ?? []);
}

const ILLEGAL_ALL = new RegExp(ILLEGAL.source, "gu");

/** What the reporter makes of a report string: its illegal characters removed. */
function strip(text: string): string {
  return text.replace(ILLEGAL_ALL, "");
}

describe("junit reporter", () => {
  const tempDir = useTempDir();
  let shipped: ConformanceReport;
  let hostile: ConformanceReport;
  let hostileFile: string;

  before(async () => {
    const engine = await sharedEngine();
    shipped = await checkRecordings([recordingsDir], engine, { maxBodyBytes: 1 << 20 });
    hostileFile = path.join(tempDir(), "hostile |&<x>'.ndjson");
    await writeFile(hostileFile, `${hostileLines().join("\n")}\n`);
    hostile = await checkRecordings([hostileFile], engine, { maxBodyBytes: 1 << 20 });
    hostile.transportFailures.push({
      source: { file: "http://127.0.0.1:9/", index: 0, probe: `probe${HOSTILE}` },
      kind: "reset",
      message: `socket hang up ${HOSTILE}`,
      durationMs: 12,
    });
    hostile.summary.transportFailures = 1;
  });

  it("is named junit and writes junit.xml", () => {
    expect(junitReporter.name).to.equal("junit");
    expect(junitReporter.file).to.equal("junit.xml");
  });

  it("renders the shipped recordings as one passing test case per matrix cell, a suite per dialect", () => {
    expect(shipped.summary.failed, "the shipped corpus passes").to.equal(0);
    const parsed = parseJunit(junitReporter.render(shipped, {}));
    const all = cases(parsed);
    // Every cell is a test case: the failing or warned ones of `matrix` and the passing ones alike.
    const cells = allCells(shipped);
    expect(shipped.matrix, "the shipped corpus has passing cells only").to.deep.equal([]);
    expect(all).to.have.length(cells.length);
    expect(all.map((c) => [c.classname, c.name])).to.deep.equal(
      cells.map((cell) => [`${cell.dialect}.${cell.product}.${cell.action}`, cell.rule]),
    );
    expect(all.every((c) => c.time === "0" && c.failure === undefined && c.error === undefined)).to.equal(
      true,
    );
    const suites = parsed.testsuites.testsuite ?? [];
    expect(suites.map((s) => s.name)).to.deep.equal([...new Set(cells.map((c) => c.dialect))]);
    expect(parsed.testsuites.tests).to.equal(String(cells.length));
    expect(parsed.testsuites.failures).to.equal("0");
    for (const suite of suites) expect(suite.tests).to.equal(String(suite.testcase?.length));
  });

  it("fails exactly the cells with failures, and counts test cases against the matrix", () => {
    const parsed = parseJunit(junitReporter.render(hostile, {}));
    const all = cases(parsed);
    const failingCells = hostile.matrix.filter((c) => c.failed > 0);
    expect(failingCells.length).to.be.greaterThan(2);
    const failed = all.filter((c) => c.failure !== undefined);
    expect(failed.map((c) => [c.classname, c.name])).to.deep.equal(
      failingCells.map((c) => [strip(`${c.dialect}.${c.product}.${c.action}`), c.rule]),
    );
    for (const [i, testCase] of failed.entries()) {
      const cell = failingCells[i];
      expect(testCase.failure?.message).to.equal(`${cell?.failed} exchange(s) violate ${cell?.rule}`);
      expect(testCase.failure?.type).to.equal(cell?.rule);
    }
    const judged = all.filter((c) => !c.classname.startsWith(`${INPUTS_SUITE}.`));
    const cells = allCells(hostile).length;
    expect(judged).to.have.length(cells);
    const skipReasons = new Set(hostile.skipped.map((s) => s.reason)).size;
    const inputFiles = new Set(hostile.inputErrors.map((e) => e.file)).size;
    expect(all).to.have.length(cells + skipReasons + inputFiles + 1);
    expect(parsed.testsuites.failures).to.equal(String(failingCells.length));
    expect(parsed.testsuites.errors).to.equal(String(inputFiles + 1));
    expect(parsed.testsuites.skipped).to.equal(String(skipReasons));
    expect(parsed.testsuites.tests).to.equal(String(all.length));
  });

  it("lists each failing exchange with its source label, pointer, message, expected and actual", () => {
    const all = cases(parseJunit(junitReporter.render(hostile, {})));
    const hostileCase = all.find(
      (c) => c.classname.startsWith("tencent.cvm.Describex") && c.name === "status-outcome",
    );
    const text = hostileCase?.failure?.["#text"] ?? "";
    expect(text).to.include(`${strip(hostileFile)}#0 (HTTP 400, error)`);
    expect(text).to.include("at status: HTTP 400 on a tencent error response");
    expect(text).to.include("expected: 200");
    expect(text).to.include("actual:   400");
    expect(hostileCase?.classname).to.equal(strip(`tencent.cvm.Describe${HOSTILE}`));
    const parse = all.find((c) => c.classname === "tencent.cvm.DescribeZones" && c.name === "body-parseable");
    expect(parse?.failure?.["#text"]).to.match(
      /#1 \(HTTP 200, unknown\)\n {2}at \(body\): body is not valid JSON/,
    );
  });

  it(`lists at most ${JUNIT_EXCHANGE_LIMIT} exchanges per failure, then counts the rest`, () => {
    const all = cases(parseJunit(junitReporter.render(hostile, {})));
    const many = all.find((c) => c.classname === "tencent.cvm.Many" && c.name === "status-outcome");
    expect(many?.failure?.message).to.equal(`${MANY} exchange(s) violate status-outcome`);
    const text = many?.failure?.["#text"] ?? "";
    expect(text.match(/\(HTTP 502, success\)/g)).to.have.length(JUNIT_EXCHANGE_LIMIT);
    expect(text).to.include(`… and ${MANY - JUNIT_EXCHANGE_LIMIT} more`);
  });

  it("puts warnings in system-out, not in a failure", () => {
    const all = cases(parseJunit(junitReporter.render(hostile, {})));
    const warned = hostile.matrix.filter((c) => c.failed === 0 && c.warned > 0);
    expect(warned.map((c) => c.action)).to.include("WarnOnly");
    for (const cell of warned) {
      const testCase = all.find(
        (c) =>
          c.classname === strip(`${cell.dialect}.${cell.product}.${cell.action}`) && c.name === cell.rule,
      );
      expect(testCase?.failure).to.equal(undefined);
      expect(testCase?.["system-out"]).to.include(`${cell.warned} exchange(s) draw warnings of ${cell.rule}`);
    }
    const warnOnly = all.find(
      (c) => c.classname === "tencent.cvm.WarnOnly" && c.name === "request-id-format",
    );
    expect(warnOnly?.["system-out"]).to.include('request ID "not-a-uuid"');
  });

  it("reports skipped reasons, input errors and transport failures in the inputs suite", () => {
    const parsed = parseJunit(junitReporter.render(hostile, {}));
    const inputs = parsed.testsuites.testsuite?.find((s) => s.name === INPUTS_SUITE);
    const inputCases = inputs?.testcase ?? [];
    const skipped = inputCases.filter((c) => c.skipped !== undefined);
    expect(skipped.map((c) => c.name).sort()).to.deep.equal(hostile.skipped.map((s) => s.reason).sort());
    for (const testCase of skipped) expect(testCase.skipped?.message).to.match(/^1 exchange\(s\) skipped: /);
    const inputError = inputCases.find((c) => c.classname === "inputs.input-error");
    expect(inputError?.name).to.equal(strip(hostileFile));
    expect(inputError?.error?.type).to.equal("input-error");
    expect(inputError?.error?.["#text"]).to.include("#2: line is not valid JSON");
    const transport = inputCases.find((c) => c.classname === "inputs.transport-failure");
    expect(transport?.error?.type).to.equal("reset");
    expect(transport?.error?.message).to.equal(strip(`reset: socket hang up ${HOSTILE}`));
  });

  it("escapes markup and strips characters illegal in XML 1.0, whatever the report holds", () => {
    const xml = junitReporter.render(hostile, {});
    expect(xml).to.not.include("<script>");
    expect(xml).to.not.include("]]>");
    expect(xml).to.include("&lt;script&gt;");
    expect(xml).to.include("&amp;amp;");
    expect(xmlText("a]]>b<c&d\"e'f\u0000\u0008\u000b\u001f\udfff\ud800\uffff g\t\n\r😀")).to.equal(
      "a]]&gt;b&lt;c&amp;d&quot;e&apos;f g\t\n\r😀",
    );
    expect(xmlAttribute("a\tb\nc\rd<")).to.equal("a&#9;b&#10;c&#13;d&lt;");
  });

  it("renders a report with nothing in it as valid XML", () => {
    const empty: ConformanceReport = {
      ...shipped,
      matrix: [],
      passingCells: {},
      results: [],
      skipped: [],
      inputErrors: [],
      transportFailures: [],
    };
    const parsed = parseJunit(junitReporter.render(empty, {}));
    expect(parsed.testsuites.tests).to.equal("0");
    expect(cases(parsed)).to.have.length(0);
  });
});
