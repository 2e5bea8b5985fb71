process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { contractInteractions } from "../../src/contracts/contract-interactions.js";
import { generateContracts } from "../../src/contracts/generate-contracts.js";
import { packageRoot } from "../../src/project-paths.js";

const CHECKED_IN = path.join(packageRoot, "contracts");

describe("contracts generate", () => {
  let out: string;
  before(async () => {
    out = mkdtempSync(path.join(tmpdir(), "contracts-test-"));
    await generateContracts("sdk", out);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("writes one pact per provider product", () => {
    expect(readdirSync(out).sort()).to.deep.equal([
      "sdk-alibaba-ess.json",
      "sdk-alibaba-kms.json",
      "sdk-tencent-cvm.json",
      "sdk-zenlayer-bmc.json",
    ]);
  });

  for (const name of [
    "sdk-alibaba-ess.json",
    "sdk-alibaba-kms.json",
    "sdk-tencent-cvm.json",
    "sdk-zenlayer-bmc.json",
  ])
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

  it("has every schema'd action and every documented probe, and no Zenlayer probe without a code", () => {
    const byProvider = (p: string) => contractInteractions().filter((i) => i.provider === p).length;
    expect(byProvider("tencent-cvm")).to.equal(12);
    expect(byProvider("alibaba-kms")).to.equal(10);
    expect(byProvider("alibaba-ess")).to.equal(10);
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
    expect(rules["$.TotalCount"].matchers[0]).to.deep.equal({ match: "integer" });
    expect(rules["$.ScalingGroups.ScalingGroup"].matchers[0]).to.deep.equal({ match: "type", min: 0 });
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
