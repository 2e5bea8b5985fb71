import { expect } from "chai";
import { unknownMember } from "../../src/rules/unknown-member.js";
import { ALIBABA_ID, alibabaSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { sharedEngine } from "../support/shared-engine.js";

const regions = (region: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  alibabaSuccess({ Regions: { Region: [{ RegionId: "cn-hangzhou", ...region }] }, ...extra });

ruleTester(unknownMember, {
  valid: [
    {
      name: "only the members KMS DescribeRegions describes",
      dialect: "alibaba",
      product: "kms",
      action: "DescribeRegions",
      body: regions({}),
    },
    {
      name: "an action without a schema is not judged",
      notApplicable: true,
      dialect: "alibaba",
      product: "kms",
      action: "DescribeNothing",
      body: alibabaSuccess({ Anything: 1 }),
    },
  ],
  invalid: [
    {
      name: "a member at the root",
      dialect: "alibaba",
      product: "kms",
      action: "DescribeRegions",
      body: regions({}, { NextToken: "x" }),
      findings: [
        { messageId: "unknownMember", data: { at: "body", member: "NextToken" }, pointer: "/NextToken" },
      ],
    },
    {
      name: "a member deep in a list item, in XML too",
      dialect: "alibaba",
      product: "kms",
      action: "DescribeRegions",
      format: "xml",
      body: `<?xml version="1.0" encoding="UTF-8"?><KMS><RequestId>${ALIBABA_ID}</RequestId><Regions><Region><RegionId>cn-hangzhou</RegionId><LocalName>Hangzhou</LocalName></Region></Regions></KMS>`,
      findings: [
        {
          messageId: "unknownMember",
          data: { at: "/Regions/Region", member: "LocalName" },
          pointer: "/Regions/Region/LocalName",
          message: '/Regions/Region has a member "LocalName" that the action\'s description does not name',
        },
      ],
    },
  ],
});

describe("unknown-member is off by default", () => {
  it("is not in force, and reported as off, unless the configuration turns it on", async () => {
    const engine = await sharedEngine();
    expect(engine.active.map((a) => a.rule.meta.id)).not.to.include("unknown-member");
    expect(engine.severityOf("unknown-member")).to.equal("off");
  });
});
