import { expect } from "chai";
import { examplesOf } from "./markdown-examples.js";
import { cliArguments, shellSteps } from "./shell-examples.js";

const MARKDOWN = [
  "# Title", // 1
  "Run `conformance gate REPORT --min-score 95` after `npm test`.", // 2
  "", // 3
  "```sh", // 4
  "npm ci && npm start", // 5
  "npm run conformance -- check traffic.har --report-dir out  # a HAR file", // 6
  "conformance gate out/conformance.json \\", // 7
  "  --min-score 101 # exit 1", // 8
  "npm run conformance -- run --target https://cvm.tencentcloudapi.com --dialect tencent", // 9
  "npm run conformance -- contracts verify [--target URL]", // 10
  "node dist/src/cli/bin.js sandbox --port 8080", // 11
  "export TENCENTCLOUD_SECRET_ID=…", // 12
  "make docs", // 13
  "```", // 14
  "- a list item:", // 15
  "", // 16
  "  <!-- example: fragment -->", // 17
  "  ```json", // 18
  '  "a": 1', // 19
  "  ```", // 20
  "````markdown", // 21
  "```sh", // 22
  "````", // 23
].join("\n");

describe("doc examples: reading Markdown", () => {
  const { blocks, spans } = examplesOf("x.md", MARKDOWN);

  it("finds fenced blocks with their line, language, marker and content, indented or not", () => {
    expect(blocks.map((b) => [b.line, b.lang, b.marker?.value])).to.deep.equal([
      [4, "sh", undefined],
      [18, "json", "fragment"],
      [21, "markdown", undefined],
    ]);
    expect(blocks[1]?.lines).to.deep.equal(['"a": 1']);
    expect(blocks[2]?.lines).to.deep.equal(["```sh"]);
  });

  it("finds code spans outside the blocks, and reads the CLI's forms", () => {
    expect(spans.map((s) => [s.line, s.text])).to.deep.equal([
      [2, "conformance gate REPORT --min-score 95"],
      [2, "npm test"],
    ]);
    expect(cliArguments("npm run conformance -- check a.har")).to.equal("check a.har");
    expect(cliArguments("node dist/src/cli/bin.js merge")).to.equal("merge");
    expect(cliArguments("npm start")).to.equal("run");
    expect(cliArguments("npm test")).to.equal(undefined);
    expect(cliArguments("conformances")).to.equal(undefined);
  });

  it("splits shell lines into steps and plans each: run, check against --help, skip with its reason", () => {
    const steps = shellSteps(blocks[0] as (typeof blocks)[number]);
    const plans = steps.map((s) => {
      const { plan } = s;
      if (plan.kind === "run")
        return [
          s.where,
          plan.kind,
          plan.args,
          plan.expectedExit,
          plan.server,
          plan.fixtures.length,
          plan.adapted.length,
        ];
      if (plan.kind === "help" || plan.kind === "skip")
        return [s.where, plan.kind, plan.reason.split(" ")[0]];
      return [s.where, plan.kind];
    });
    expect(plans).to.deep.equal([
      ["x.md:5", "skip", "installs"],
      ["x.md:5", "run", "run", 0, false, 0, 0],
      ["x.md:6", "run", "check traffic.har --report-dir out", 0, false, 1, 0],
      ["x.md:7", "run", "gate out/conformance.json --min-score 101", 1, false, 0, 0],
      ["x.md:9", "help", "calls"],
      ["x.md:10", "help", "a"],
      ["x.md:11", "run", "sandbox --port 0", 0, true, 0, 1],
      ["x.md:12", "skip", "sets"],
      ["x.md:13", "unknown"],
    ]);
  });
});
