// The github reporter (src/report/github-report.ts): workflow commands per failing rule and action,
// grouped and capped, every value escaped as GitHub's runner requires, and the job summary appended to
// $GITHUB_STEP_SUMMARY. A hostile response body must not be able to write a workflow command of its own.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import {
  escapeData,
  escapeProperty,
  GITHUB_ANNOTATION_LIMIT,
  githubAnnotations,
  githubReporter,
  renderGithubAnnotations,
  workflowCommand,
} from "../../src/report/github-report.js";
import type { ReportOutput } from "../../src/report/reporter.js";
import { DEFAULT_REPORTERS, parseReporters, writeReports } from "../../src/report/reporters.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { MIXED_TRAFFIC, reportOf } from "../gate/gate-reports.js";
import { tencentError, tencentSuccess } from "../support/bodies.js";
import { useTempDir } from "../support/temp-dir.js";

/** Lines a runner would read as workflow commands: those that start with "::". */
const commandLines = (text: string) => text.split("\n").filter((line) => line.startsWith("::"));

function captured(env: Record<string, string> = {}, cwd = "/work/project") {
  const out: string[] = [];
  const output: ReportOutput = { stdout: (text) => out.push(text), env, cwd };
  return { output, text: () => out.join("") };
}

describe("github reporter", () => {
  const tempDir = useTempDir();

  it("escapes data and properties as GitHub's runner does", () => {
    expect(escapeData("50% a\r\nb")).to.equal("50%25 a%0D%0Ab");
    expect(escapeProperty("a:b,c%\n")).to.equal("a%3Ab%2Cc%25%0A");
  });

  it("is opt-in by name: not among the default reporters, chosen by --reporter github", () => {
    expect(DEFAULT_REPORTERS).to.not.include("github");
    expect(parseReporters("json,github").map((r) => r.name)).to.deep.equal(["json", "github"]);
    expect(() => parseReporters("githb")).to.throw(/known: .*github/);
  });

  it("writes one annotation per severity, rule and action, errors first, with the exchanges counted", async () => {
    const report = await reportOf([...MIXED_TRAFFIC, MIXED_TRAFFIC[0] as (typeof MIXED_TRAFFIC)[0]]);
    const lines = renderGithubAnnotations(report, "/").split("\n").filter(Boolean);
    expect(lines[0]).to.match(
      /^::error file=traffic\.ndjson,title=status-outcome \(tencent\/cvm\/DescribeZones\)::.*\[2 exchange\(s\): traffic\.ndjson#0, traffic\.ndjson#3\]$/,
    );
    expect(
      lines.some((l) =>
        l.startsWith("::warning file=traffic.ndjson,title=request-id-format (tencent/cvm/DescribeZones)::"),
      ),
    ).to.equal(true);
    const keys = githubAnnotations(report, "/").map((a) => `${a.severity} ${a.rule}`);
    expect(new Set(keys).size, "one annotation per group").to.equal(keys.length);
  });

  it("points file= at the recorded HAR file, relative to the working directory", async () => {
    const report = await reportOf(MIXED_TRAFFIC);
    for (const result of report.results) result.source.file = "/work/project/recordings/tencent-cvm.har";
    const [first] = githubAnnotations(report, "/work/project");
    expect(first?.file).to.equal("recordings/tencent-cvm.har");
    expect(workflowCommand(first as NonNullable<typeof first>)).to.match(
      /^::error file=recordings\/tencent-cvm\.har,title=status-outcome /,
    );
    for (const result of report.results) result.source.file = "https://sandbox.example:8443";
    expect(githubAnnotations(report, "/work/project")[0]?.file).to.equal(undefined);
  });

  it("caps the annotations and counts the rest on one plain line", async () => {
    const report = await reportOf(
      Array.from({ length: 60 }, (_, i) => ({
        dialect: "tencent" as const,
        action: `DescribeThing${i}`,
        status: 400,
        body: tencentError(),
      })),
    );
    const text = renderGithubAnnotations(report, "/");
    const all = githubAnnotations(report, "/").length;
    expect(commandLines(text)).to.have.length(GITHUB_ANNOTATION_LIMIT);
    expect(text).to.include(`conformance: … and ${all - GITHUB_ANNOTATION_LIMIT} more rule and action(s)`);
  });

  it("a hostile response body cannot inject a workflow command", async () => {
    const hostile = "Evil\n::error title=pwned::owned\r\n::add-mask::x,y:z%0A";
    const report = await reportOf([
      {
        dialect: "tencent",
        action: `Describe\n::warning::x`,
        status: 400,
        body: tencentError(hostile, hostile),
      },
      { dialect: "tencent", action: "DescribeZones", body: tencentSuccess({ RequestId: hostile }) },
    ]);
    expect(JSON.stringify(report.results)).to.include("::error title=pwned");
    const text = renderGithubAnnotations(report, "/");
    const lines = commandLines(text);
    expect(lines.length).to.be.greaterThan(0);
    for (const line of lines) {
      expect(line).to.match(/^::(error|warning) (file=[^:,]*,)?title=[^:,]*::/);
      expect(line).to.not.include("\r");
      expect(line).to.not.match(/^::(error title=pwned|add-mask|warning::x)/);
    }
    // Every line of the output is one of ours: an annotation, or the count line.
    expect(text.split("\n").filter(Boolean)).to.have.length(lines.length);
    // The messages quote body values as JSON; a raw line break in any value is escaped all the same.
    const raw = workflowCommand({
      ...(githubAnnotations(report, "/")[0] as ReturnType<typeof githubAnnotations>[0]),
      message: hostile,
      file: "a,b:c\n::error::x.har",
    });
    expect(raw.split("\n").filter(Boolean)).to.have.length(1);
    expect(raw).to.include("file=a%2Cb%3Ac%0A%3A%3Aerror%3A%3Ax.har,");
    expect(raw).to.include("::Evil%0A::error title=pwned::owned%0D%0A::add-mask::x,y:z%250A [");
  });

  it("prints the annotations and appends the Markdown summary to $GITHUB_STEP_SUMMARY", async () => {
    const report: ConformanceReport = await reportOf(MIXED_TRAFFIC);
    const summary = path.join(tempDir(), "step-summary.md");
    await writeFile(summary, "earlier step\n");
    const { output, text } = captured({ GITHUB_STEP_SUMMARY: summary });
    const verdict = { passed: false, reasons: ["12 warnings exceed --max-warnings 10"] };
    const written = await writeReports(
      report,
      path.join(tempDir(), "reports"),
      [githubReporter],
      { verdict },
      output,
    );
    expect(text()).to.equal(renderGithubAnnotations(report, "/work/project"));
    expect(commandLines(text())).to.have.length.greaterThan(0);
    const appended = await readFile(summary, "utf8");
    expect(appended, appended.slice(0, 200)).to.match(/^earlier step\n## ❌/);
    expect(appended).to.include("**Gate: failed**");
    expect(written.map((w) => w.file)).to.deep.equal(["stdout", summary]);
  });

  it("writes no summary when GITHUB_STEP_SUMMARY is unset, and nothing into the report folder", async () => {
    const report = await reportOf(MIXED_TRAFFIC);
    const { output } = captured({});
    const written = await writeReports(report, path.join(tempDir(), "none"), [githubReporter], {}, output);
    expect(written.map((w) => w.file)).to.deep.equal(["stdout"]);
  });
});
