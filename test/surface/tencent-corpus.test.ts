// Every documented Tencent Cloud API example (../shared/corpus/tencentcloud-cli/, read in place) through the
// engine, as NDJSON written to a temporary folder, once (npm run test:surface: some 12 s). The corpus lives
// beside the project, not in it: without it the suite is skipped, with the reason.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { corpusToNdjson, DEFAULT_CORPUS_DIR } from "../../bench/corpus-to-ndjson.js";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/sources/reader-options.js";
import type { ConformanceReport, ExchangeResult } from "../../src/types/generated/report.js";
import { expectDeclaredMessage } from "../support/rule-tester.js";
import { sharedEngine } from "../support/shared-engine.js";

/** What the corpus holds: 140 services, 156 service versions (README of the corpus and a count of it). */
const EXPECTED_EXAMPLES = 9446;

interface Line {
  key: string;
  output: string;
}

/** What a body is, judged here without the engine, to compare with what the engine says. */
function shapeOf(output: string): "not-json" | "not-envelope" | "error" | "success" {
  let body: unknown;
  try {
    body = JSON.parse(output);
  } catch {
    return "not-json";
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(body) || !isObject(body.Response)) return "not-envelope";
  return Object.hasOwn(body.Response, "Error") ? "error" : "success";
}

function linesWhere(lines: readonly Line[], shape: ReturnType<typeof shapeOf>): number[] {
  return lines.flatMap((line, index) => (shapeOf(line.output) === shape ? [index] : []));
}

function linesWithRule(report: ConformanceReport, rule: string, severity = "error"): number[] {
  return report.results
    .filter((r) => r.findings.some((f) => f.rule === rule && f.severity === severity))
    .map((r) => r.source.index)
    .sort((a, b) => a - b);
}

function judgedBy(report: ConformanceReport, rule: string): number {
  return allCells(report)
    .filter((c) => c.rule === rule)
    .reduce((sum, c) => sum + c.checked, 0);
}

describe("Tencent Cloud API documented examples (corpus)", () => {
  let dir: string | undefined;
  let written = 0;
  let report: ConformanceReport;
  const lines: Line[] = [];
  const resultAt = new Map<number, ExchangeResult>();

  /** The NDJSON line of the example `key` (service/version/action#n), which must be in the corpus once. */
  function lineOf(key: string): number {
    const indexes = lines.flatMap((line, index) => (line.key === key ? [index] : []));
    expect(indexes, `example ${key} is in the corpus, once`).to.have.lengthOf(1);
    return indexes[0] as number;
  }

  before(async function () {
    this.timeout(120_000);
    if (!existsSync(path.join(DEFAULT_CORPUS_DIR, "services"))) {
      this.skip(); // the corpus is not beside the project (see bench/README.md)
    }
    dir = await mkdtemp(path.join(os.tmpdir(), "tencent-corpus-"));
    const file = path.join(dir, "tencent-corpus.ndjson");
    written = await corpusToNdjson(file, {
      onExample: (e) =>
        lines.push({ key: `${e.service}/${e.version}/${e.action}#${e.example}`, output: e.output }),
    });
    // Every result kept (no --max-results cut): the assertions look at each example's findings.
    report = await checkRecordings([file], await sharedEngine(), {
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      maxResults: Number.MAX_SAFE_INTEGER,
    });
    for (const result of report.results) resultAt.set(result.source.index, result);
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`converts all ${EXPECTED_EXAMPLES.toLocaleString("en-US")} examples, one NDJSON line each`, () => {
    expect(written).to.equal(EXPECTED_EXAMPLES);
    expect(lines).to.have.lengthOf(EXPECTED_EXAMPLES);
  });

  it("accounts for every example: read, then checked or skipped, with no input error", () => {
    const { summary } = report;
    expect(report.inputErrors).to.deep.equal([]);
    expect(report.complete).to.equal(true);
    expect(summary.exchanges).to.equal(written);
    expect(summary.checked + summary.skipped).to.equal(summary.exchanges);
    expect(report.skipped).to.have.lengthOf(summary.skipped);
    expect(summary.passed + summary.failed).to.equal(summary.checked);
    // Every example names a Tencent endpoint or carries X-TC-Action: none is left undetected.
    expect(report.skipped.map((s) => s.reason)).to.deep.equal([]);
  });

  it("reads every example as Tencent, and every result points back at a line of the conversion", () => {
    for (const result of report.results) {
      expect(result.dialect).to.equal("tencent");
      expect(result.source.index).to.be.within(0, written - 1);
    }
    expect(allCells(report).every((c) => c.dialect === "tencent")).to.equal(true);
  });

  it("passes request-id-present on a documented example with a RequestId (cvm AllocateHosts)", () => {
    const index = lineOf("cvm/v20170312/AllocateHosts#0");
    expect(shapeOf(lines[index]?.output ?? "")).to.equal("success");
    const findings = resultAt.get(index)?.findings ?? [];
    expect(findings.filter((f) => f.rule === "request-id-present")).to.deep.equal([]);
    const cell = allCells(report).find(
      (c) => c.product === "cvm" && c.action === "AllocateHosts" && c.rule === "request-id-present",
    );
    expect(cell, "request-id-present judged cvm AllocateHosts").to.include({ failed: 0 });
    expect(cell?.checked).to.be.at.least(1);
  });

  it('fails request-id-present on a documented example without one (vpc DeleteSecurityGroup: {"Response": {}})', () => {
    const index = lineOf("vpc/v20170312/DeleteSecurityGroup#0");
    expect(JSON.parse(lines[index]?.output ?? "null")).to.deep.equal({ Response: {} });
    expect(resultAt.get(index)?.findings).to.deep.include({
      rule: "request-id-present",
      severity: "error",
      pointer: "/Response/RequestId",
      message: "no request ID: /Response/RequestId is missing",
      messageId: "missing",
      data: { pointer: "/Response/RequestId" },
      expected: "a non-empty string",
      actual: "(absent)",
    });
  });

  it("fails body-parseable on exactly the examples whose output is not valid JSON", () => {
    const notJson = linesWhere(lines, "not-json");
    expect(notJson.length, "the corpus has outputs that are not JSON").to.be.greaterThan(0);
    expect(linesWithRule(report, "body-parseable")).to.deep.equal(notJson);
    for (const index of notJson) {
      const finding = resultAt.get(index)?.findings.find((f) => f.rule === "body-parseable");
      expect(finding?.message).to.match(/^body (is not valid JSON|is empty)/);
    }
  });

  it("fails envelope-shape on exactly the JSON outputs that are not a Response object", () => {
    expect(linesWithRule(report, "envelope-shape")).to.deep.equal(linesWhere(lines, "not-envelope"));
  });

  it("judges as errors exactly the outputs with Response.Error, and none draws status-outcome (all are HTTP 200)", () => {
    const errors = linesWhere(lines, "error");
    expect(errors.length, "the corpus documents some errors").to.be.greaterThan(0);
    expect(judgedBy(report, "error-code-message")).to.equal(errors.length);
    expect(linesWithRule(report, "status-outcome")).to.deep.equal([]);
  });

  it("agrees with its own summary: failed exchanges are those with an error finding", () => {
    const failed = report.results.filter((r) => r.findings.some((f) => f.severity === "error")).length;
    const warnedOnly = report.results.length - failed;
    expect(report.summary.failed).to.equal(failed);
    expect(report.summary.warned).to.equal(warnedOnly);
  });

  describe("finding messages over the corpus (src/rules/rule.ts)", () => {
    it("draws findings of several rules and messages (else this proves nothing)", () => {
      const findings = report.results.flatMap((result) => result.findings);
      expect(new Set(findings.map((f) => f.rule)).size).to.be.greaterThan(3);
      expect(new Set(findings.map((f) => `${f.rule}/${f.messageId}`)).size).to.be.greaterThan(5);
    });

    it("gives every finding a declared messageId, scalar data, and the template rendered as message", async () => {
      const metas = new Map((await sharedEngine()).rules.map((r) => [r.meta.id, r.meta]));
      for (const finding of report.results.flatMap((result) => result.findings)) {
        expectDeclaredMessage(finding, metas.get(finding.rule));
        expect(finding.messageId, `${finding.rule}: ${finding.message}`).to.be.a("string");
      }
    });
  });
});
