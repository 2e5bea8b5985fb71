import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { failureKey, readBaseline, writeBaseline } from "../../src/gate/baseline.js";
import { currentFailures, decideGate } from "../../src/gate/gate.js";
import { InputError } from "../../src/model/exchange.js";
import type { ExpectedFailure } from "../../src/types/generated/baseline.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { inputErrorOf } from "../support/input-error-of.js";
import { useTempDir } from "../support/temp-dir.js";
import {
  MIXED_TRAFFIC,
  REQUEST_ID_FORMAT,
  reportOf,
  STATUS_OUTCOME,
  ZENLAYER_STATUS_OUTCOME,
} from "./gate-reports.js";

describe("the expected-failures baseline (src/gate/baseline.ts)", () => {
  const tempDir = useTempDir();
  let report: ConformanceReport;
  const baselineFile = () => path.join(tempDir(), "baseline.json");

  before(async () => {
    report = await reportOf(MIXED_TRAFFIC);
  });

  it("names a failure by dialect, product, action and rule", () => {
    expect(failureKey(STATUS_OUTCOME)).to.equal("tencent/cvm/DescribeZones: status-outcome");
    const withReason: ExpectedFailure = { ...STATUS_OUTCOME, reason: "TC-1234" };
    expect(failureKey(withReason), "the reason is not part of the name").to.equal(failureKey(STATUS_OUTCOME));
  });

  it("writeBaseline writes the current failures, keeping the reasons of entries that stay; the gate then passes", async () => {
    const previous = {
      baselineVersion: 1 as const,
      expectedFailures: [
        { ...STATUS_OUTCOME, reason: "TC-1234" },
        { ...ZENLAYER_STATUS_OUTCOME, reason: "fixed since" },
      ],
    };
    expect(decideGate(report, { baseline: previous, failOn: "warning" }).passed).to.equal(false);
    await writeBaseline(baselineFile(), currentFailures(report, "warning"), previous);
    const written = JSON.parse(await readFile(baselineFile(), "utf8"));
    expect(written).to.deep.equal({
      baselineVersion: 1,
      expectedFailures: [REQUEST_ID_FORMAT, { ...STATUS_OUTCOME, reason: "TC-1234" }],
    });
    const baseline = await readBaseline(baselineFile());
    expect(baseline).to.deep.equal(written);
    expect(decideGate(report, { baseline, failOn: "warning" }).passed).to.equal(true);
  });

  it("writeBaseline without a previous baseline writes the failures as they are", async () => {
    await writeBaseline(baselineFile(), currentFailures(report, "error"));
    expect(JSON.parse(await readFile(baselineFile(), "utf8"))).to.deep.equal({
      baselineVersion: 1,
      expectedFailures: [STATUS_OUTCOME],
    });
  });

  it("readBaseline refuses a corrupt or invalid file with an InputError that names it", async () => {
    await writeFile(baselineFile(), '{"baselineVersion": 1, "expectedFailures": [{"rule": 3}]');
    const corrupt = await inputErrorOf(readBaseline(baselineFile()));
    expect(corrupt).to.be.instanceOf(InputError);
    expect(corrupt.message).to.include(`${baselineFile()}: the baseline is not valid JSON`);

    await writeFile(baselineFile(), '{"baselineVersion": 1, "expectedFailures": [{"rule": 3}]}');
    const invalid = await inputErrorOf(readBaseline(baselineFile()));
    expect(invalid).to.be.instanceOf(InputError);
    expect(invalid.message).to.include(`${baselineFile()}: not a baseline (schemas/baseline.schema.json)`);

    const missing = await inputErrorOf(readBaseline(path.join(tempDir(), "missing.json")));
    expect(missing).to.be.instanceOf(InputError);
    expect(missing.message).to.include("cannot read the baseline");
  });
});
