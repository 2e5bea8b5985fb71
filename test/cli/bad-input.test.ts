import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { readValidReport } from "../support/report-validator.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

function harOf(specs: ExchangeSpec[]): string {
  const entries = specs.map((spec) => {
    const { request, response } = buildExchange(spec);
    const headers = (map: Record<string, string>) =>
      Object.entries(map).map(([name, value]) => ({ name, value }));
    return {
      request: { method: request.method, url: request.url, headers: headers(request.headers) },
      response: {
        status: response.status,
        headers: headers(response.headers),
        content: { size: response.bodySize, text: response.body },
      },
    };
  });
  return JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } });
}

const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><DescribeRegionsResponse><RequestId>&lol9;</RequestId></DescribeRegionsResponse>`;

describe("bad input: every case named by file and entry, never a crash, a hang or a silent skip", () => {
  const tempDir = useTempDir();

  it("checks a folder of damaged inputs, accounts for every entry and exits 2", async () => {
    const dir = path.join(tempDir(), "inputs");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dir);
    await writeFile(path.join(dir, "a-malformed.har"), '{"log": {"entries": [ {"request": } ]}}');
    const good = harOf([
      { dialect: "tencent", body: { Response: { RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" } } },
    ]);
    await writeFile(path.join(dir, "b-truncated.har"), good.slice(0, good.length - 40));
    await writeFile(
      path.join(dir, "c-lines.ndjson"),
      [
        JSON.stringify({
          request: {
            method: "POST",
            url: "https://cvm.tencentcloudapi.com/",
            headers: { "x-tc-action": "DescribeZones" },
          },
          response: {
            status: 200,
            headers: { "content-type": "application/json" },
            body: '{"Response":{"RequestId":"b5b41468-520d-4192-b42f-595cc34b6c1c"}}',
          },
        }),
        '{"request": {"method": "POST", "url": "https://cvm.tencentcloudapi.com/"}, "response": {',
        JSON.stringify({
          request: { method: "GET", url: "https://www.example.com/" },
          response: { status: 200, body: "{}" },
        }),
      ].join("\n"),
    );
    await writeFile(
      path.join(dir, "d-bodies.har"),
      harOf([
        { dialect: "tencent", body: '{"Response": {"RequestId": "b5b41468-520d-' },
        { dialect: "tencent", body: `{"Response":${"[".repeat(100_000)}${"]".repeat(100_000)}}` },
        { dialect: "alibaba", product: "kms", action: "DescribeRegions", format: "xml", body: billionLaughs },
        {
          dialect: "zenlayer",
          body: `{"requestId":"T67723B59-F4D1-42EA-BDC1-5E67167FD8CC","pad":"${"x".repeat(50 * 1024 * 1024)}"}`,
        },
      ]),
    );
    const reportDir = path.join(tempDir(), "report");
    const { code, stdout, stderr } = await runCli(["check", dir, "--report-dir", reportDir]);
    expect(code, stderr).to.equal(2);
    const report = readValidReport(path.join(reportDir, "conformance.json"));
    const file = (name: string) => path.join(dir, name);

    const inputErrors = report.inputErrors.map(
      (e) => `${path.basename(e.file)}#${e.index ?? "-"}: ${e.message}`,
    );
    expect(inputErrors.find((e) => e.startsWith("a-malformed.har#"))).to.match(/syntax|unexpected|expected/i);
    expect(inputErrors.find((e) => e.startsWith("b-truncated.har#0"))).to.match(/truncated/);
    expect(inputErrors).to.include.members([
      `c-lines.ndjson#1: ${report.skipped.find((s) => s.source.file === file("c-lines.ndjson") && s.source.index === 1)?.reason}`,
    ]);
    expect(inputErrors.find((e) => e.startsWith("d-bodies.har#3"))).to.match(
      /over the 33,554,432-byte limit/,
    );

    const skipped = new Map(
      report.skipped.map((s) => [`${path.basename(s.source.file)}#${s.source.index}`, s.reason]),
    );
    expect(skipped.get("c-lines.ndjson#1")).to.match(/not valid JSON/);
    expect(skipped.get("c-lines.ndjson#2")).to.match(/unknown host www\.example\.com/);
    expect(skipped.get("d-bodies.har#3")).to.match(/--max-body-bytes/);

    const findings = new Map(
      report.results.map((r) => [
        `${path.basename(r.source.file)}#${r.source.index}`,
        r.findings.map((f) => `${f.rule}: ${f.message}`),
      ]),
    );
    expect(findings.get("d-bodies.har#0")?.[0]).to.match(/^body-parseable: .*truncated/);
    expect(findings.get("d-bodies.har#1")?.[0]).to.match(
      /^body-parseable: body nests deeper than 256 levels/,
    );
    expect(findings.get("d-bodies.har#2")?.[0]).to.match(/^body-parseable: .*DOCTYPE/);

    // Every entry read is either checked or skipped; c-lines#0 is the one conformant exchange.
    expect(report.summary.checked + report.summary.skipped).to.equal(report.summary.exchanges);
    expect(report.summary.checked).to.equal(4);
    expect(report.complete).to.equal(false);
    expect(stdout).to.include("input errors:");
  });

  it("checks the 50 MB body when --max-body-bytes allows it", async () => {
    const file = path.join(tempDir(), "big.har");
    await writeFile(
      file,
      harOf([
        {
          dialect: "zenlayer",
          body: {
            requestId: "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC",
            response: {
              requestId: "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC",
              pad: "x".repeat(50 * 1024 * 1024),
            },
          },
        },
      ]),
    );
    const reportDir = path.join(tempDir(), "big-report");
    const { code, stderr } = await runCli([
      "check",
      file,
      "--max-body-bytes",
      String(64 * 1024 * 1024),
      "--report-dir",
      reportDir,
    ]);
    expect(code, stderr).to.equal(0);
    expect(readValidReport(path.join(reportDir, "conformance.json")).summary).to.include({
      checked: 1,
      passed: 1,
    });
  });
});
