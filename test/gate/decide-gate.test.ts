import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { currentFailures, decideGate, type GateVerdict } from "../../src/gate/gate.js";
import { recordingsDir } from "../../src/project-paths.js";
import { allCells } from "../../src/report/matrix-cells.js";
import type { ExpectedFailure } from "../../src/types/generated/baseline.js";
import type { ConformanceReport } from "../../src/types/generated/report.js";
import { alibabaError, tencentSuccess } from "../support/bodies.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";
import {
  MIXED_TRAFFIC,
  REQUEST_ID_FORMAT,
  reportOf,
  STATUS_OUTCOME,
  ZENLAYER_STATUS_OUTCOME,
} from "./gate-reports.js";

const baseline = (...expectedFailures: ExpectedFailure[]) => ({
  baselineVersion: 1 as const,
  expectedFailures,
});
/** The verdict's decision and its lines (notes, when asserted, are asserted on their own). */
const decision = ({ passed, reasons }: GateVerdict) => ({ passed, reasons });
const key = (f: ExpectedFailure) => `${f.dialect}/${f.product}/${f.action}: ${f.rule}`;

describe("decideGate", () => {
  let mixed: ConformanceReport;
  let shipped: ConformanceReport;

  before(async () => {
    mixed = await reportOf(MIXED_TRAFFIC);
    shipped = await checkRecordings([recordingsDir], await sharedEngine(), { maxBodyBytes: 1 << 20 });
    // What the tests below rely on, so that each can fail for the reason it names.
    expect(mixed.summary).to.include({ checked: 3, passed: 2, failed: 1, warned: 1, score: 66.66 });
    expect(shipped.summary.checked).to.be.greaterThan(0);
    expect(shipped.summary.failed).to.equal(0);
  });

  /** A copy of `report`, changed. */
  const changed = (report: ConformanceReport, change: (r: ConformanceReport) => void) => {
    const copy = structuredClone(report);
    change(copy);
    return copy;
  };

  describe("by score", () => {
    it("passes a conformant report, saying over how many exchanges", () => {
      expect(decision(decideGate(shipped))).to.deep.equal({
        passed: true,
        reasons: [`score 100.00 ≥ 100 over ${shipped.summary.checked} checked exchange(s)`],
      });
    });

    it("fails a score below the minimum (100 by default), saying how many failed", () => {
      const lower = changed(shipped, (r) => {
        Object.assign(r.summary, { checked: 29, passed: 27, failed: 2, score: 93.1 });
      });
      const verdict = decideGate(lower);
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([
        "score 93.10 is below the minimum 100 (2 of 29 checked exchanges failed)",
      ]);
      expect(decideGate(lower, { minScore: 90 })).to.include({ passed: true });
      expect(decideGate(lower, { minScore: 93.1 })).to.include({ passed: true });
      expect(decideGate(lower, { minScore: 93.11 })).to.include({ passed: false });
    });

    it("fails a report with a failure, and passes it with a lower minimum", () => {
      expect(decision(decideGate(mixed))).to.deep.equal({
        passed: false,
        reasons: ["score 66.66 is below the minimum 100 (1 of 3 checked exchanges failed)"],
      });
      expect(decision(decideGate(mixed, { minScore: 50 }))).to.deep.equal({
        passed: true,
        reasons: ["score 66.66 ≥ 50 over 3 checked exchange(s)"],
      });
    });
  });

  describe("--fail-on warning", () => {
    it("makes warnings fail; by default they do not", () => {
      expect(decideGate(mixed, { minScore: 50, failOn: "error" }).passed).to.equal(true);
      const verdict = decideGate(mixed, { minScore: 50, failOn: "warning" });
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal(["1 exchange(s) drew warnings (--fail-on warning)"]);
    });

    it("currentFailures: the failing cells, and the warning ones too with failOn warning", () => {
      expect(currentFailures(mixed, "error")).to.deep.equal([STATUS_OUTCOME]);
      expect(currentFailures(mixed, "warning")).to.deep.equal([REQUEST_ID_FORMAT, STATUS_OUTCOME]);
      expect(currentFailures(shipped, "warning")).to.deep.equal([]);
    });
  });

  describe("with a baseline of accepted failures", () => {
    it("a listed failure passes, whatever the score (no minimum unless one is given)", () => {
      const verdict = decideGate(mixed, { baseline: baseline({ ...STATUS_OUTCOME, reason: "TC-1234" }) });
      expect(decision(verdict)).to.deep.equal({
        passed: true,
        reasons: [
          "score 66.66 over 3 checked exchange(s); 1 accepted failure(s) of the baseline still fail as listed",
        ],
      });
      const withMinimum = decideGate(mixed, { baseline: baseline(STATUS_OUTCOME), minScore: 70 });
      expect(withMinimum.reasons).to.deep.equal([
        "score 66.66 is below the minimum 70 (1 of 3 checked exchanges failed)",
      ]);
    });

    it("an unlisted failure fails, naming it", () => {
      const verdict = decideGate(mixed, { baseline: baseline() });
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([`new failure, not in the baseline: ${key(STATUS_OUTCOME)}`]);
    });

    it("a listed failure whose action was checked and now passes fails, so the baseline cannot go stale", () => {
      const verdict = decideGate(mixed, { baseline: baseline(STATUS_OUTCOME, ZENLAYER_STATUS_OUTCOME) });
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([
        `listed in the baseline but passes now (remove it, or --update-baseline): ${key(ZENLAYER_STATUS_OUTCOME)}`,
      ]);
      // The action was checked; that this rule did not judge it (no Alibaba rule judges Tencent) is no excuse.
      const otherRule = { ...STATUS_OUTCOME, rule: "error-host-id" };
      expect(decideGate(mixed, { baseline: baseline(STATUS_OUTCOME, otherRule) }).reasons).to.deep.equal([
        `listed in the baseline but passes now (remove it, or --update-baseline): ${key(otherRule)}`,
      ]);
    });

    it("with --fail-on warning, an unlisted warning is a new failure", () => {
      const verdict = decideGate(mixed, { baseline: baseline(STATUS_OUTCOME), failOn: "warning" });
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([`new failure, not in the baseline: ${key(REQUEST_ID_FORMAT)}`]);
      const both = baseline(STATUS_OUTCOME, REQUEST_ID_FORMAT);
      expect(decideGate(mixed, { baseline: both, failOn: "warning" }).passed).to.equal(true);
      // Without --fail-on warning, a listed warning no longer counts as failing: it passes now.
      expect(decideGate(mixed, { baseline: both }).reasons).to.deep.equal([
        `listed in the baseline but passes now (remove it, or --update-baseline): ${key(REQUEST_ID_FORMAT)}`,
      ]);
    });

    it("a listed failure whose action this report did not check is noted, neither passed nor failed", async () => {
      // A Tencent-only run, gated against a team-wide baseline.
      const kms = { dialect: "alibaba", product: "kms", action: "Encrypt", rule: "status-code-table" };
      const teamWide = baseline(STATUS_OUTCOME, kms);
      const verdict = decideGate(mixed, { baseline: teamWide });
      expect(verdict.passed, verdict.reasons.join("\n")).to.equal(true);
      expect(verdict.reasons).to.deep.equal([
        "score 66.66 over 3 checked exchange(s); 1 accepted failure(s) of the baseline still fail as listed",
        `not checked in this report: ${key(kms)}`,
      ]);
      expect(verdict.notes).to.deep.equal([`not checked in this report: ${key(kms)}`]);

      // The note stays when the gate fails for another reason.
      const failing = decideGate(mixed, { baseline: baseline(kms) });
      expect(failing.passed).to.equal(false);
      expect(failing.reasons).to.deep.equal([
        `new failure, not in the baseline: ${key(STATUS_OUTCOME)}`,
        `not checked in this report: ${key(kms)}`,
      ]);

      // Once the action is checked again and passes, the entry is stale as any other.
      const withKms = await reportOf([
        ...MIXED_TRAFFIC,
        {
          dialect: "alibaba",
          product: "kms",
          action: "Encrypt",
          status: 500,
          body: alibabaError("InternalFailure"),
        },
      ]);
      expect(allCells(withKms).some((c) => c.product === "kms" && c.action === "Encrypt")).to.equal(true);
      expect(decideGate(withKms, { baseline: teamWide }).reasons).to.include(
        `listed in the baseline but passes now (remove it, or --update-baseline): ${key(kms)}`,
      );
    });
  });

  describe("reports that do not judge the whole target", () => {
    it("fails on input errors", () => {
      const verdict = decideGate(
        changed(shipped, (r) => {
          r.complete = false;
          r.inputErrors.push({ file: "x.har", index: 3, message: "truncated" });
        }),
      );
      expect(decision(verdict)).to.deep.equal({
        passed: false,
        reasons: ["1 input error(s): the run did not read all its input"],
      });
    });

    it("fails an interrupted run", () => {
      const verdict = decideGate(changed(shipped, (r) => void Object.assign(r, { complete: false })));
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal(["the run was interrupted: the report is incomplete"]);
    });

    it("fails on transport failures (live calls without a complete answer)", () => {
      const verdict = decideGate(
        changed(shipped, (r) => {
          r.transportFailures.push({
            source: { file: "http://127.0.0.1:1/", index: 0, probe: "DescribeZones" },
            kind: "refused",
            message: "connect ECONNREFUSED 127.0.0.1:1",
            durationMs: 1,
          });
        }),
      );
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([
        "1 call(s) got no complete answer (transport failures): the target was not fully judged",
      ]);
    });
  });

  describe("a report that checked nothing", () => {
    const tempDir = useTempDir();

    it("fails: an empty NDJSON file proves nothing (unless allowEmpty)", async () => {
      const empty = path.join(tempDir(), "empty.ndjson");
      await writeFile(empty, "");
      const report = await checkRecordings([empty], await sharedEngine(), { maxBodyBytes: 1 << 20 });
      expect(report.summary).to.include({ exchanges: 0, checked: 0, score: 100 });
      expect(report.complete).to.equal(true);
      const verdict = decideGate(report);
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([
        "nothing was checked: 0 exchange(s) read, 0 skipped (--allow-empty passes a report that checked nothing)",
      ]);
      expect(decision(decideGate(report, { allowEmpty: true }))).to.deep.equal({
        passed: true,
        reasons: ["nothing was checked (0 exchange(s) read, 0 skipped), allowed by --allow-empty"],
      });
    });

    it("fails when every exchange was skipped, with a baseline too", async () => {
      const report = await reportOf([
        { dialect: "tencent", body: tencentSuccess(), status: 0 },
        { dialect: "tencent", body: tencentSuccess(), status: 0 },
      ]);
      expect(report.summary).to.include({ exchanges: 2, checked: 0, skipped: 2 });
      const reason =
        "nothing was checked: 2 exchange(s) read, 2 skipped (--allow-empty passes a report that checked nothing)";
      expect(decideGate(report).reasons).to.deep.equal([reason]);
      const verdict = decideGate(report, { baseline: baseline(STATUS_OUTCOME) });
      expect(verdict.passed).to.equal(false);
      expect(verdict.reasons).to.deep.equal([reason, `not checked in this report: ${key(STATUS_OUTCOME)}`]);
      expect(decideGate(report, { baseline: baseline(STATUS_OUTCOME), allowEmpty: true }).passed).to.equal(
        true,
      );
    });

    it("does not hide other problems when allowed", () => {
      const emptyAndBroken = changed(shipped, (r) => {
        Object.assign(r.summary, { exchanges: 0, checked: 0, passed: 0, failed: 0, warned: 0, score: 100 });
        r.matrix = [];
        r.complete = false;
        r.inputErrors.push({ file: "x.har", message: "not JSON" });
      });
      expect(decision(decideGate(emptyAndBroken, { allowEmpty: true }))).to.deep.equal({
        passed: false,
        reasons: ["1 input error(s): the run did not read all its input"],
      });
    });
  });
});
