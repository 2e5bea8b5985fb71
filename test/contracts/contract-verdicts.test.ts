import path from "node:path";
import { expect } from "chai";
import { readPactFile } from "../../src/contracts/contract-file.js";
import { addContractVerdicts } from "../../src/contracts/contract-verdicts.js";
import { interactionVerdicts } from "../../src/contracts/verifier-results.js";
import type { PactVerification } from "../../src/contracts/verify-contracts.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { ReportBuilder } from "../../src/engine/report-builder.js";
import { packageRoot } from "../../src/project-paths.js";
import { allCells } from "../../src/report/matrix-cells.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";

const ZENLAYER = path.join(packageRoot, "contracts", "sdk-zenlayer-bmc.json");
const THROTTLING = "throttling probe (DescribeInstances) draws REQUEST_LIMIT_EXCEEDED";
const UNKNOWN_ZONE = "unknown-zone probe (CreateInstances) draws INVALID_ZONE_NOT_FOUND";

/** The checked-in Zenlayer pact as the verifier would leave it with these two interactions failed. */
function verification(): PactVerification {
  const pact = readPactFile(ZENLAYER);
  const failed = [THROTTLING, UNKNOWN_ZONE];
  const output = JSON.stringify({
    errors: failed.map((description) => ({
      interaction: `Verifying a pact between sdk and zenlayer-bmc - ${description}`,
      mismatch: { mismatches: [{ mismatch: "expected 429 but was 200" }] },
    })),
    interactionResults: pact.interactions.map(({ description }) => ({
      description,
      result: failed.includes(description) ? "Failed" : "OK",
    })),
  });
  const interactions = interactionVerdicts(pact, output, false);
  return { ...pact, passed: false, interactions };
}

async function reportWith(rules: Record<string, "error" | "warning" | "off">): Promise<ConformanceReport> {
  const engine: Engine = await createEngine({ rules, hosts: [], maxDepth: 256 });
  const builder = new ReportBuilder(engine, [{ kind: "live", location: "http://127.0.0.1:1" }]);
  addContractVerdicts(builder, [verification()], new URL("http://127.0.0.1:1"));
  return builder.build();
}

describe("contracts verify: contract-verified findings", () => {
  it("carry the HTTP status the pact file's interaction expects", async () => {
    const report = await reportWith({});
    const status = Object.fromEntries(report.results.map((r) => [r.source.probe, r.status]));
    // sdk-zenlayer-bmc.json: the throttling answer is 429, the unknown zone's 400 (a 4xx class, example 400).
    expect(status).to.deep.equal({ [THROTTLING]: 429, [UNKNOWN_ZONE]: 400 });
  });

  it("carry the verifier's mismatches as the rule's message, and no excerpt of an answer nobody holds", async () => {
    const report = await reportWith({});
    const [result] = report.results;
    expect(result?.response).to.equal(undefined);
    expect(result?.outcome).to.equal("error");
    expect(result?.findings[0]).to.deep.include({
      messageId: "notHonoured",
      data: { mismatches: "expected 429 but was 200" },
      message: "contract not honoured: expected 429 but was 200",
    });
  });

  it("have the rule's severity: error by default", async () => {
    const report = await reportWith({});
    expect(report.results.flatMap((r) => r.findings.map((f) => [f.rule, f.severity]))).to.deep.equal([
      ["contract-verified", "error"],
      ["contract-verified", "error"],
    ]);
    expect(report.summary).to.include({ checked: 4, failed: 2, warned: 0 });
  });

  it("have the configured severity: a warning when the configuration says so (and the run does not fail)", async () => {
    const report = await reportWith({ "contract-verified": "warning" });
    expect(report.results.flatMap((r) => r.findings.map((f) => f.severity))).to.deep.equal([
      "warning",
      "warning",
    ]);
    expect(report.summary).to.include({ checked: 4, failed: 0, warned: 2 });
    expect(report.rules.find((r) => r.id === "contract-verified")?.severity).to.equal("warning");
    const cells = allCells(report).filter((c) => c.rule === "contract-verified");
    expect(cells.reduce((n, c) => n + c.warned, 0)).to.equal(2);
    expect(cells.reduce((n, c) => n + c.failed, 0)).to.equal(0);
  });

  it("are not made when the configuration turns the rule off", async () => {
    const report = await reportWith({ "contract-verified": "off" });
    expect(report.results).to.deep.equal([]);
    expect(report.summary).to.include({ checked: 4, failed: 0, warned: 0 });
    expect(allCells(report).filter((c) => c.rule === "contract-verified")).to.deep.equal([]);
  });
});
