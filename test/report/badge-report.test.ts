import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir } from "../../src/project-paths.js";
import { badge, badgeReporter, scoreMessage } from "../../src/report/badge-report.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const UUID = "b5b41468-520d-4192-b42f-595cc34b6c1c";

function tencentLine(status: number): string {
  return JSON.stringify({
    request: {
      method: "POST",
      url: "https://cvm.tencentcloudapi.com/",
      headers: { "X-TC-Action": "DescribeZones" },
    },
    response: {
      status,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ Response: { RequestId: UUID, TotalCount: 0, ZoneSet: [] } }),
    },
  });
}

/** The report with its summary changed to the given score, as if `failed` of 10,000 exchanges failed. */
function withScore(report: ConformanceReport, score: number, failed: number): ConformanceReport {
  return {
    ...report,
    summary: { ...report.summary, checked: 10_000, passed: 10_000 - failed, failed, score },
  };
}

describe("badge reporter", () => {
  const tempDir = useTempDir();
  let shipped: ConformanceReport;

  before(async () => {
    shipped = await checkRecordings([recordingsDir], await sharedEngine(), { maxBodyBytes: 1 << 20 });
  });

  it("is named badge and writes badge.json in shields.io's endpoint format", () => {
    expect(badgeReporter.name).to.equal("badge");
    expect(badgeReporter.file).to.equal("badge.json");
    expect(JSON.parse(badgeReporter.render(shipped, {}))).to.deep.equal({
      schemaVersion: 1,
      label: "conformance",
      message: "100%",
      color: "brightgreen",
    });
  });

  it("colours a real run by its score: 1 failure in 20 is 95% and green, 1 in 4 is 75% and orange", async () => {
    const engine = await sharedEngine();
    const cases: [number, string, string][] = [
      [20, "95%", "green"],
      [4, "75%", "orange"],
      [1, "0%", "red"],
    ];
    for (const [count, message, color] of cases) {
      const file = path.join(tempDir(), `one-in-${count}.ndjson`);
      const lines = Array.from({ length: count }, (_, i) => tencentLine(i === 0 ? 500 : 200));
      await writeFile(file, `${lines.join("\n")}\n`);
      const report = await checkRecordings([file], engine, { maxBodyBytes: 1 << 20 });
      expect(report.summary.failed).to.equal(1);
      expect(badge(report), `1 failure in ${count}`).to.include({ message, color });
    }
  });

  const thresholds: [number, number, string, string][] = [
    [100, 0, "100%", "brightgreen"],
    [99.99, 1, "99.99%", "green"],
    [98.5, 150, "98.5%", "green"],
    [95, 500, "95%", "green"],
    [94.99, 501, "94.99%", "yellow"],
    [80, 2000, "80%", "yellow"],
    [79.99, 2001, "79.99%", "orange"],
    [50, 5000, "50%", "orange"],
    [49.99, 5001, "49.99%", "red"],
    [0, 10_000, "0%", "red"],
  ];
  for (const [score, failed, message, color] of thresholds) {
    it(`score ${score} is "${message}" in ${color}`, () => {
      expect(badge(withScore(shipped, score, failed))).to.deep.equal({
        schemaVersion: 1,
        label: "conformance",
        message,
        color,
      });
    });
  }

  it("is not brightgreen at 100 when a call got no answer", () => {
    const report = { ...shipped, summary: { ...shipped.summary, transportFailures: 1 } };
    expect(badge(report)).to.include({ message: "100%", color: "green" });
  });

  it('says "incomplete" in lightgrey for an incomplete report', () => {
    expect(badge({ ...shipped, complete: false })).to.include({ message: "incomplete", color: "lightgrey" });
  });

  it('says "no exchanges" in lightgrey when nothing was checked', () => {
    const empty = { ...shipped, summary: { ...shipped.summary, checked: 0, passed: 0, exchanges: 0 } };
    expect(badge(empty)).to.include({ message: "no exchanges", color: "lightgrey" });
  });

  it("is red when the gate failed, whatever the score; a passed gate changes nothing", () => {
    const failedGate = { verdict: { passed: false, reasons: ["score 99.99 is below the minimum 100"] } };
    const passedGate = { verdict: { passed: true, reasons: ["ok"] } };
    expect(badge(withScore(shipped, 99.99, 1), failedGate)).to.include({ message: "99.99%", color: "red" });
    expect(badge(shipped, failedGate)).to.include({ message: "100%", color: "red" });
    expect(badge({ ...shipped, complete: false }, failedGate)).to.include({
      message: "incomplete",
      color: "red",
    });
    expect(badge(withScore(shipped, 96, 400), passedGate)).to.include({ color: "green" });
    expect(JSON.parse(badgeReporter.render(shipped, failedGate)).color).to.equal("red");
  });

  it("writes the score with at most two decimals and no trailing zeros", () => {
    expect([100, 98.5, 97.25, 0, 33.3, 66.67].map(scoreMessage)).to.deep.equal([
      "100%",
      "98.5%",
      "97.25%",
      "0%",
      "33.3%",
      "66.67%",
    ]);
  });
});
