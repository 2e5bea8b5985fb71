// The built-in sandbox is the reference implementation of the documents (docs/sandbox.md): every answer
// that `conformance run` draws from it (each action call and each probe) is judged by the engine here, and
// warnings count as much as errors. The only findings allowed are the ones pinned below, with the reason.
import { expect } from "chai";
import { ZENLAYER_FAILURES } from "../../src/providers/zenlayer/failures.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { sandboxRunReport } from "../support/sandbox-live-run.js";

/**
 * Zenlayer failures for which no document names a code: seed 000 names only INVALID_ZONE_NOT_FOUND,
 * provider-facts §1 the six codes seen on the wire, and the official Go SDK's bmc 2022-11-20 errors.go
 * (schemas/code-tables/zenlayer-bmc.json) product codes, none for authentication, signature, timestamp,
 * version, action, method or a generic bad parameter. The sandbox names these in the same style, and
 * error-code-known rightly warns that no table knows them. Emptying this list needs a documented code
 * (or a decision about error-code-known for Zenlayer), not a change to this test.
 */
const UNDOCUMENTED_ZENLAYER_CODES = [
  "ACCESS_KEY_NOT_FOUND",
  "INVALID_ACTION",
  "INVALID_PARAMETER",
  "INVALID_VERSION",
  "METHOD_NOT_ALLOWED",
  "REQUEST_EXPIRED",
  "SIGNATURE_VERIFICATION_FAILED",
];

const defaultRunReport = () => sandboxRunReport();

function codeOf(body: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(body ?? "") as { code?: unknown };
    return typeof parsed.code === "string" ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}

describe("sandbox: the answers of a default run, warnings included", () => {
  let report: ConformanceReport;
  before(async () => {
    report = await defaultRunReport();
  });

  it("draws no error, and no warning but error-code-known on the undocumented Zenlayer codes", () => {
    expect(report.summary.transportFailures).to.equal(0);
    expect(report.summary.failed).to.equal(0);
    const findings = report.results.flatMap((r) =>
      r.findings.map((f) => ({
        probe: r.source.probe,
        dialect: r.dialect,
        rule: f.rule,
        severity: f.severity,
        code: codeOf(r.response?.body),
      })),
    );
    const unexpected = findings.filter(
      (f) =>
        !(
          f.dialect === "zenlayer" &&
          f.rule === "error-code-known" &&
          f.severity === "warning" &&
          UNDOCUMENTED_ZENLAYER_CODES.includes(f.code ?? "")
        ),
    );
    expect(unexpected, JSON.stringify(unexpected, null, 2)).to.deep.equal([]);
  });

  it("answers every documented Zenlayer code without a finding (MISSING_PARAMETER among them)", () => {
    const warned = new Set(
      report.results.filter((r) => r.dialect === "zenlayer").map((r) => codeOf(r.response?.body)),
    );
    const documented = [...new Set(Object.values(ZENLAYER_FAILURES).map((f) => f.code))].filter(
      (code) => !UNDOCUMENTED_ZENLAYER_CODES.includes(code),
    );
    expect(documented).to.include("MISSING_PARAMETER");
    expect(documented.filter((code) => warned.has(code))).to.deep.equal([]);
  });

  it("still uses each pinned undocumented code (the list does not outlive the sandbox's use of it)", () => {
    const used = new Set(Object.values(ZENLAYER_FAILURES).map((f) => f.code));
    expect(UNDOCUMENTED_ZENLAYER_CODES.filter((code) => !used.has(code))).to.deep.equal([]);
  });
});
