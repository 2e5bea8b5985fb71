import { expect } from "chai";
import { formatParityFindings } from "../../src/rules/format-parity.js";

const json = {
  RequestId: "A",
  TotalCount: 2,
  ScalingGroups: {
    ScalingGroup: [
      { ScalingGroupId: "asg-1", MinSize: 1 },
      { ScalingGroupId: "asg-2", MinSize: 0 },
    ],
  },
};
const xml = {
  RequestId: "B",
  TotalCount: "2",
  ScalingGroups: {
    ScalingGroup: [
      { ScalingGroupId: "asg-1", MinSize: "1" },
      { ScalingGroupId: "asg-2", MinSize: "0" },
    ],
  },
};

describe("rule format-parity (pairs of JSON and XML answers)", () => {
  describe("valid", () => {
    const same = (name: string, a: unknown, b: unknown, action = "DescribeScalingGroups") =>
      it(name, () => expect(formatParityFindings("ess", action, a, b)).to.deep.equal([]));
    same("the same data, numbers as text, request IDs apart", json, xml);
    same(
      "a list of one is a single element in XML",
      { Regions: { Region: [{ RegionId: "cn-hangzhou" }] } },
      { Regions: { Region: { RegionId: "cn-hangzhou" } } },
    );
    same("an empty list is an empty element", { ScalingGroups: { ScalingGroup: [] } }, { ScalingGroups: "" });
    same("booleans and null", { Enabled: true, Note: null }, { Enabled: "true", Note: "" });
    it("KMS Encrypt's ciphertext differs per call (random IV): compared by presence", () => {
      expect(
        formatParityFindings(
          "kms",
          "Encrypt",
          { CiphertextBlob: "x", KeyId: "k" },
          { CiphertextBlob: "y", KeyId: "k" },
        ),
      ).to.deep.equal([]);
    });
  });

  describe("invalid", () => {
    it("a value that differs", () => {
      const findings = formatParityFindings("ess", "DescribeScalingGroups", json, {
        ...xml,
        TotalCount: "3",
      });
      expect(findings).to.have.length(1);
      expect(findings[0]).to.include({ pointer: "/TotalCount", expected: "2", actual: "3" });
    });
    it("a list of another length", () => {
      const shorter = { ...xml, ScalingGroups: { ScalingGroup: { ScalingGroupId: "asg-1", MinSize: "1" } } };
      expect(formatParityFindings("ess", "DescribeScalingGroups", json, shorter)[0]).to.include({
        pointer: "/ScalingGroups/ScalingGroup",
        expected: "2",
        actual: "1",
      });
    });
    it("a field only one answer has", () => {
      const findings = formatParityFindings("ess", "DescribeScalingGroups", json, { ...xml, Extra: "x" });
      expect(findings.map((f) => f.pointer)).to.deep.equal(["/Extra"]);
    });
    it("a member named like an Object.prototype member, in one answer only, is compared as missing", () => {
      const withNames = JSON.parse('{"toString":"a","constructor":"b"}');
      const findings = formatParityFindings("ess", "DescribeScalingGroups", json, { ...xml, ...withNames });
      expect(findings.map((f) => [f.pointer, f.expected, f.actual])).to.deep.equal([
        ["/toString", "(absent)", "a"],
        ["/constructor", "(absent)", "b"],
      ]);
    });
    it("an object in JSON that is text in XML", () => {
      expect(
        formatParityFindings(
          "kms",
          "DescribeRegions",
          { Regions: { Region: [] } },
          { Regions: "cn-hangzhou" },
        )[0],
      ).to.include({ pointer: "/Regions" });
    });
    it("a nested value deep in a list", () => {
      const changed = structuredClone(xml);
      changed.ScalingGroups.ScalingGroup[1] = { ScalingGroupId: "asg-9", MinSize: "0" };
      expect(formatParityFindings("ess", "DescribeScalingGroups", json, changed)[0]).to.include({
        pointer: "/ScalingGroups/ScalingGroup/1/ScalingGroupId",
        actual: "asg-9",
      });
    });
  });
});
