process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { contractInteractions } from "../../src/contracts/contract-interactions.js";
import { CONTRACT_PRODUCTS, pactFileName } from "../../src/contracts/contract-products.js";
import { generateContracts } from "../../src/contracts/generate-contracts.js";
import { packageRoot } from "../../src/project-paths.js";

const CHECKED_IN = path.join(packageRoot, "contracts");
const PACT_FILES = CONTRACT_PRODUCTS.map((p) => pactFileName("sdk", p.provider)).sort();

describe("contracts generate", () => {
  let out: string;
  before(async () => {
    out = mkdtempSync(path.join(tmpdir(), "contracts-test-"));
    // The per-action pacts take as long again: test/surface/contracts-every-action.test.ts checks them.
    await generateContracts("sdk", out, { surface: false });
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("writes one pact per provider product", () => {
    expect(readdirSync(out).sort()).to.deep.equal(PACT_FILES);
  });

  for (const name of PACT_FILES)
    it(`contracts/${name} is current (run "conformance contracts generate" when this fails)`, () => {
      expect(readFileSync(path.join(CHECKED_IN, name), "utf8")).to.equal(
        readFileSync(path.join(out, name), "utf8"),
      );
    });

  it("is deterministic: no timestamps, no random ids, no library versions", () => {
    const pact = JSON.parse(readFileSync(path.join(out, "sdk-tencent-cvm.json"), "utf8"));
    expect(pact.metadata).to.deep.equal({ pactSpecification: { version: "4.0" } });
    const text = readFileSync(path.join(out, "sdk-alibaba-kms.json"), "utf8");
    expect(text).to.not.match(/20(2[6-9]|[3-9]\d)-\d\d-\d\dT/);
  });

  it("KMS errors: HttpStatus is the interaction's own status, exactly; only Alibaba answers must carry the request-ID header", () => {
    const kms = JSON.parse(readFileSync(path.join(out, "sdk-alibaba-kms.json"), "utf8"));
    const errors = kms.interactions.filter((i: { response: { status: number } }) => i.response.status >= 400);
    expect(errors).to.have.length(6);
    for (const error of errors) {
      expect(error.response.body.content.HttpStatus, error.description).to.equal(error.response.status);
      expect(error.response.matchingRules.body["$.HttpStatus"], error.description).to.equal(undefined);
    }
    for (const interaction of kms.interactions)
      expect(
        interaction.response.matchingRules.header["x-acs-request-id"].matchers[0],
        interaction.description,
      ).to.have.property("match", "regex");
    // Tencent sends X-TC-RequestId only on event streams (provider-facts §1): a contract must not require it.
    const tencent = JSON.parse(readFileSync(path.join(out, "sdk-tencent-cvm.json"), "utf8"));
    for (const interaction of tencent.interactions) {
      expect(interaction.response.headers, interaction.description).not.to.have.property("x-tc-requestid");
      expect(interaction.response.matchingRules.header, interaction.description).not.to.have.property(
        "x-tc-requestid",
      );
    }
  });

  it("has every schema'd action and every documented probe, and no Zenlayer probe without a code", () => {
    const byProvider = (p: string) => contractInteractions().filter((i) => i.provider === p).length;
    expect(byProvider("tencent-cvm")).to.equal(12);
    expect(byProvider("alibaba-kms")).to.equal(10);
    expect(byProvider("alibaba-ess")).to.equal(11);
    expect(byProvider("zenlayer-bmc")).to.equal(4);
    const zenlayer = contractInteractions().filter((i) => i.provider === "zenlayer-bmc");
    expect(zenlayer.map((i) => i.description)).to.deep.equal([
      "CreateInstances (JSON) succeeds",
      "DescribeInstances (JSON) succeeds",
      "throttling probe (DescribeInstances) draws REQUEST_LIMIT_EXCEEDED",
      "unknown-zone probe (CreateInstances) draws INVALID_ZONE_NOT_FOUND",
    ]);
  });

  it("derives matchers from the schemas and the dialects' request-ID shapes", () => {
    const pact = JSON.parse(readFileSync(path.join(out, "sdk-alibaba-ess.json"), "utf8"));
    const describe = pact.interactions.find(
      (i: { description: string }) => i.description === "DescribeScalingGroups (JSON) succeeds",
    );
    const rules = describe.response.matchingRules.body;
    // minimum 0 and 1: an integer whose text is at or above the minimum (both must hold).
    expect(rules["$.TotalCount"]).to.deep.equal({
      combine: "AND",
      matchers: [{ match: "integer" }, { match: "regex", regex: "^(0|[1-9][0-9]*)$" }],
    });
    expect(rules["$.PageNumber"].matchers).to.deep.equal([
      { match: "integer" },
      { match: "regex", regex: "^([1-9][0-9]{1,}|1|[2-9])$" },
    ]);
    expect(rules["$.ScalingGroups.ScalingGroup"].matchers[0]).to.deep.equal({ match: "type", min: 0 });
    // Only the members the schema requires: optional ones (ActiveCapacity, TotalCapacity) are left out.
    expect(Object.keys(describe.response.body.content.ScalingGroups.ScalingGroup[0]).sort()).to.deep.equal([
      "LifecycleState",
      "MaxSize",
      "MinSize",
      "RegionId",
      "ScalingGroupId",
      "ScalingGroupName",
    ]);
    expect(rules["$.ScalingGroups.ScalingGroup[*].ActiveCapacity"]).to.equal(undefined);
    // The request-ID header, with the body's example and the dialect's regex.
    expect(describe.response.headers["x-acs-request-id"]).to.deep.equal([
      describe.response.body.content.RequestId,
    ]);
    expect(describe.response.matchingRules.header["x-acs-request-id"].matchers[0].match).to.equal("regex");
    expect(rules["$.ScalingGroups.ScalingGroup[*].LifecycleState"].matchers[0]).to.deep.equal({
      match: "regex",
      regex: "^(Active|Inactive|Deleting)$",
    });
    expect(rules["$.RequestId"].matchers[0].match).to.equal("regex");
    const throttled = pact.interactions.find((i: { description: string }) =>
      i.description.startsWith("throttling-ess"),
    );
    expect(throttled.providerStates).to.deep.equal([{ name: "requests are throttled" }]);
    expect(throttled.response.status).to.equal(400);
    expect(throttled.response.body.content.Code).to.equal("Throttling");
    expect(throttled.response.matchingRules.body["$.Code"]).to.equal(undefined);
    // A non-empty message: a string (type) whose text has a character at least (minLength 1).
    expect(throttled.response.matchingRules.body["$.Message"].matchers).to.deep.equal([
      { match: "type" },
      { match: "regex", regex: "^[\\s\\S]+$" },
    ]);
    expect(Object.keys(describe.request.query).sort()).to.deep.equal([
      "AccessKeyId",
      "Action",
      "Format",
      "PageNumber",
      "PageSize",
      "RegionId",
      "Signature",
      "SignatureMethod",
      "SignatureNonce",
      "SignatureVersion",
      "Timestamp",
      "Version",
    ]);
  });
});
