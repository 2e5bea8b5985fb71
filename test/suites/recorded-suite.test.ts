import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { tencentError, tencentSuccess } from "../support/bodies.js";
import { ndjsonLines } from "../support/ndjson-lines.js";
import { runNode } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const mochaBin = path.join("node_modules", "mocha", "bin", "mocha.js");
const runSuites = (env: Record<string, string> = {}) =>
  runNode([mochaBin, "--config", "suites/.mocharc.json"], { env });

describe("suites/ (the mocha conformance suites)", () => {
  const tempDir = useTempDir();

  it("pass over the shipped recordings", async () => {
    const { code, stdout } = await runSuites();
    expect(code, stdout).to.equal(0);
    expect(stdout).to.match(/tencent[\s\S]*cvm\/DescribeInstancesStatus[\s\S]*status-outcome/);
    expect(stdout).to.match(/alibaba[\s\S]*kms\/Encrypt/);
    expect(stdout).to.match(/zenlayer[\s\S]*bmc\/CreateInstances/);
    // The live face: one test per call and probe of `conformance run`, against the built-in sandbox.
    expect(stdout).to.match(/live target: the built-in sandbox[\s\S]*tencent\/cvm\/DescribeInstancesStatus/);
    expect(stdout).to.include("probe bad-signature (probe:tencent/bad-signature)");
  });

  it("fail live on a sandbox defect, by call and probe, and --grep picks one action's", async () => {
    const { code, stdout } = await runNode(
      [mochaBin, "--config", "suites/.mocharc.json", "--grep", "kms/Encrypt"],
      { env: { CONFORMANCE_SANDBOX_DEFECTS: "missing-message" } },
    );
    expect(code, stdout).to.equal(1);
    expect(stdout).to.match(/live target: the built-in sandbox[\s\S]*alibaba\/kms\/Encrypt/);
    expect(stdout).to.include("error-code-message");
    expect(stdout).to.not.include("tencent/cvm");
  });

  it("fail on a non-conformant recording, naming file, index, pointer, expected and actual", async () => {
    const file = path.join(tempDir(), "broken.ndjson");
    await writeFile(
      file,
      ndjsonLines([
        {
          dialect: "tencent",
          action: "DescribeInstancesStatus",
          body: tencentSuccess({ TotalCount: 0, InstanceStatusSet: [] }),
        },
        {
          dialect: "tencent",
          action: "DescribeInstancesStatus",
          status: 400,
          body: tencentError("InvalidParameter"),
        },
      ]),
    );
    const { code, stdout } = await runSuites({ CONFORMANCE_RECORDINGS: file });
    expect(code).to.equal(1);
    expect(stdout).to.include("1 failing");
    expect(stdout).to.include("status-outcome");
    expect(stdout).to.include(`${file}#1 (HTTP 400, error) at status: HTTP 400 on a tencent error response`);
    expect(stdout).to.include("expected: 200");
    expect(stdout).to.include("actual:   400");
  });
});
