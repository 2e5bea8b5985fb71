process.env.PACT_DO_NOT_TRACK = "true";

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { contractsCommand } from "../../src/cli/contracts-command.js";
import { CONTRACT_PRODUCTS, pactFileName } from "../../src/contracts/contract-products.js";
import { packageRoot } from "../../src/project-paths.js";
import { allCells } from "../../src/report/matrix-cells.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import { readValidReport } from "../support/report-validator.js";
import { runCli } from "../support/run-cli.js";

const CONTRACTS = path.join(packageRoot, "contracts");
const SCHEMA = path.join(packageRoot, "schemas/contracts-report.schema.json");

/** Runs the command with stdout and stderr captured (and NO_COLOR set, whatever mocha's terminal). */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const write = { out: process.stdout.write, err: process.stderr.write };
  const noColor = process.env.NO_COLOR;
  process.env.NO_COLOR = "1";
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    err += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await contractsCommand(argv), out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}

/** The interaction "DescribeInstances (JSON) succeeds" of the Zenlayer pact, renamed to an action the target lacks. */
function unservablePact(dir: string): string {
  const pact = JSON.parse(readFileSync(path.join(CONTRACTS, "sdk-zenlayer-bmc.json"), "utf8"));
  const interaction = pact.interactions.find(
    (i: { description: string }) => i.description === "DescribeInstances (JSON) succeeds",
  );
  interaction.description = "DescribeNothing (JSON) succeeds";
  interaction.request.headers["X-ZC-Action"] = ["DescribeNothing"];
  pact.interactions = [interaction];
  const file = path.join(dir, "unservable.json");
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const ESC = "\x1b";

describe("contracts verify (provider side)", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "contracts-verify-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("verifies every checked-in contract against the built-in sandbox: exit 0, a schema-valid report, the verifier's report in a log", async () => {
    const reportDir = path.join(dir, "reports");
    const result = await run(["verify", "--report-dir", reportDir]);
    const interactions = CONTRACT_PRODUCTS.reduce(
      (n, p) =>
        n +
        JSON.parse(readFileSync(path.join(packageRoot, "contracts", pactFileName("sdk", p.provider)), "utf8"))
          .interactions.length,
      0,
    );
    expect(result.out, result.out).to.contain(`${interactions}/${interactions} interactions verified`);
    expect(result.code).to.equal(0);
    // Only our own lines on the terminal: the summary, no verifier report.
    expect(result.out.trim().split("\n"), result.out).to.have.length(1);
    const report = JSON.parse(readFileSync(path.join(reportDir, "contracts.json"), "utf8"));
    const validate = createAjv().compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
    expect(validate(report), JSON.stringify(validate.errors)).to.equal(true);
    expect(report.summary).to.deep.equal({ interactions, passed: interactions, failed: 0 });
    const conformance = readValidReport(path.join(reportDir, "conformance.json"));
    expect(conformance.summary).to.include({ checked: interactions, failed: 0 });
    expect(new Set(allCells(conformance).map((c) => c.rule))).to.deep.equal(new Set(["contract-verified"]));
    const log = readFileSync(path.join(reportDir, "pact-verifier.log"), "utf8");
    expect(log).to.contain("Verifying a pact between sdk and zenlayer-bmc");
    expect(log).to.contain("throttling probe (DescribeInstances) draws REQUEST_LIMIT_EXCEEDED");
    expect(log.includes(ESC), "no colour codes in the log").to.equal(false);
  });

  it("an interaction the target cannot serve is a reported failure naming file and interaction, with the verifier's explanation: exit 1", async () => {
    const file = unservablePact(dir);
    const reportDir = path.join(dir, "reports-unservable");
    const result = await run(["verify", "--contracts", file, "--report-dir", reportDir]);
    expect(result.code).to.equal(1);
    expect(result.out).to.contain(`FAIL ${file}: DescribeNothing (JSON) succeeds: `);
    // The verifier's section on that interaction, indented under it, without colour codes.
    expect(result.out).to.match(
      /\n {4}1\) Verifying a pact between sdk and zenlayer-bmc Given instances exist - DescribeNothing \(JSON\) succeeds\n/,
    );
    expect(result.out).to.contain("expected 200 but was 400");
    expect(result.out.includes(ESC)).to.equal(false);
    expect(result.out).to.contain(
      `contracts: 0/1 interactions verified; report ${path.join(reportDir, "contracts.json")}; verifier log ${path.join(reportDir, "pact-verifier.log")}`,
    );
    const report = JSON.parse(readFileSync(path.join(reportDir, "contracts.json"), "utf8"));
    expect(report.pacts[0].file).to.equal(file);
    expect(report.pacts[0].interactions[0]).to.include({
      description: "DescribeNothing (JSON) succeeds",
      passed: false,
    });
    expect(report.pacts[0].interactions[0].message).to.match(/status|response|code/i);
    // The same outcome in the conformance report, where the gate decides on it.
    const conformance = readValidReport(path.join(reportDir, "conformance.json"));
    expect(
      conformance.results.map((r) => [r.source.file, r.source.probe, r.status, r.findings[0]?.rule]),
    ).to.deep.equal([[file, "DescribeNothing (JSON) succeeds", 200, "contract-verified"]]);
    expect((await runCli(["gate", path.join(reportDir, "conformance.json")])).code).to.equal(1);
  });

  it("--quiet: nothing on the terminal at all, not even the verifier's own report; the reports and the log are written", async () => {
    const file = unservablePact(dir);
    const reportDir = path.join(dir, "reports-quiet");
    // In its own process: everything it writes, fd 1 and 2, the native verifier's included.
    const result = await runCli([
      "contracts",
      "verify",
      "--quiet",
      "--contracts",
      file,
      "--report-dir",
      reportDir,
    ]);
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stdout).to.equal("");
    expect(result.stderr).to.equal("");
    expect(existsSync(path.join(reportDir, "contracts.json"))).to.equal(true);
    expect(readFileSync(path.join(reportDir, "pact-verifier.log"), "utf8")).to.contain(
      "DescribeNothing (JSON) succeeds",
    );
  });

  const bad: [string, string, RegExp][] = [
    ["not-json.json", "{ this is not json", /not-json\.json: not JSON/],
    ["wrong-shape.json", JSON.stringify({ hello: "world" }), /wrong-shape\.json: not a Pact file/],
    [
      "pact-v3.json",
      JSON.stringify({
        consumer: { name: "sdk" },
        provider: { name: "tencent-cvm" },
        interactions: [
          { description: "x", request: { method: "GET", path: "/" }, response: { status: 200 } },
        ],
        metadata: { pactSpecification: { version: "3.0.0" } },
      }),
      /pact-v3\.json: not a Pact V4 file: metadata\.pactSpecification\.version is "3\.0\.0"/,
    ],
  ];
  for (const [name, text, message] of bad)
    it(`${name}: a clear message naming the file, exit 2`, async () => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const result = await run(["verify", "--contracts", file, "--report-dir", path.join(dir, "r")]);
      expect(result.code).to.equal(2);
      expect(result.err).to.match(message);
    });

  it("usage errors: unknown subcommand and options", async () => {
    await run(["frobnicate"]).then(
      () => expect.fail("should throw a usage error"),
      (error: Error) => expect(error.message).to.contain('expected "generate" or "verify"'),
    );
    const help = await run(["--help"]);
    expect(help.code).to.equal(0);
    expect(help.out).to.contain("conformance contracts verify [--target URL]");
    expect(help.out).to.contain("--quiet");
  });
});
