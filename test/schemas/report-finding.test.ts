// schemas/report.schema.json, definitions/finding: messageId and data are optional additions. Reports with
// them, reports written before them, and reports merged from shards validate alike.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { schemasDir } from "../../src/project-paths.js";
import { mergeReports } from "../../src/report/merge-reports.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import type { ConformanceReport, ReportFinding } from "../../src/types/generated/report.js";
import { sharedEngine } from "../support/shared-engine.js";

const validate = createAjv().compile<ConformanceReport>(
  JSON.parse(readFileSync(path.join(schemasDir, "report.schema.json"), "utf8")),
);

function expectValid(report: unknown): void {
  expect(validate(report), JSON.stringify(validate.errors, null, 2)).to.equal(true);
}

const TENCENT_ID = "b5b41468-520d-4192-b42f-595cc34b6c1c";

/** Tencent answers that break rules: an unknown code (warning), an empty request ID, a non-string code. */
function line(body: unknown, status = 200): string {
  return JSON.stringify({
    request: {
      method: "POST",
      url: "https://cvm.tencentcloudapi.com/",
      headers: { "X-TC-Action": "DescribeInstances", "Content-Type": "application/json" },
      body: "{}",
    },
    response: { status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
  });
}

const NDJSON = [
  line({ Response: { Error: { Code: "NoSuchThing", Message: "m" }, RequestId: TENCENT_ID } }),
  line({ Response: { Error: { Code: 4000, Message: "m" }, RequestId: "" } }, 400),
  line({ Response: { RequestId: "abc" } }),
  line([]),
].join("\n");

const findingsOf = (report: ConformanceReport): ReportFinding[] => report.results.flatMap((r) => r.findings);

describe("report.schema.json: a finding's messageId and data", () => {
  let dir: string;
  let file: string;
  let report: ConformanceReport;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "report-finding-"));
    file = path.join(dir, "bad.ndjson");
    await writeFile(file, `${NDJSON}\n`);
    report = await checkRecordings([file], await sharedEngine(), { maxBodyBytes: 1 << 20 });
  });

  after(() => rm(dir, { recursive: true, force: true }));

  it("a run's report, whose findings carry messageId and data, validates", () => {
    const findings = findingsOf(report);
    expect(findings.length).to.be.greaterThan(4);
    expect(findings.every((f) => typeof f.messageId === "string" && typeof f.data === "object")).to.equal(
      true,
    );
    expect(findings.map((f) => `${f.rule}/${f.messageId}`)).to.include.members([
      "error-code-known/unknownCode",
      "request-id-present/empty",
      "error-code-message/notString",
      "request-id-format/unusualShape",
      "envelope-shape/notAnEnvelope",
    ]);
    expectValid(report);
  });

  it("a report written before messageIds existed (findings without messageId and data) still validates", () => {
    const older = structuredClone(report);
    for (const finding of findingsOf(older)) {
      delete finding.messageId;
      delete finding.data;
    }
    expectValid(older);
  });

  it("a report merged from shard reports keeps messageId and data, and validates", async () => {
    const engine = await sharedEngine();
    const shards = await Promise.all(
      [1, 2].map(async (index) => ({
        file: `shard-${index}.json`,
        report: await checkRecordings(
          [file],
          engine,
          { maxBodyBytes: 1 << 20 },
          {
            shard: { index, total: 2 },
            runId: "run-1",
          },
        ),
      })),
    );
    const merged = mergeReports(shards);
    expectValid(merged);
    const strip = (f: ReportFinding) => ({ rule: f.rule, messageId: f.messageId, data: f.data });
    expect(findingsOf(merged).map(strip)).to.have.deep.members(findingsOf(report).map(strip));
  });

  it("refuses data that is not a flat record of scalars, and a messageId that is not a string", () => {
    const finding = findingsOf(report)[0] as ReportFinding;
    for (const bad of [
      { ...finding, data: { list: [1, 2] } },
      { ...finding, data: { nested: { a: 1 } } },
      { ...finding, data: "code" },
      { ...finding, messageId: 7 },
    ]) {
      const broken = structuredClone(report);
      (broken.results[0] as { findings: unknown[] }).findings = [bad];
      expect(validate(broken), JSON.stringify(bad)).to.equal(false);
    }
  });
});
