import { xmlRoot } from "../../src/rules/xml-root.js";
import { alibabaSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

const ID = "<RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId>";
const error = (root: string) =>
  `<${root}>${ID}<HostId>ess.aliyuncs.com</HostId><Code>Forbidden</Code><Message>m</Message></${root}>`;
const xml = { dialect: "alibaba" as const, format: "xml" as const };

ruleTester(xmlRoot, {
  valid: [
    {
      name: "ESS success root {Action}Response",
      ...xml,
      product: "ess",
      action: "DeleteScalingGroup",
      body: `<?xml version="1.0" encoding="UTF-8"?><DeleteScalingGroupResponse>${ID}</DeleteScalingGroupResponse>`,
    },
    { name: "ESS error root Error", ...xml, product: "ess", status: 403, body: error("Error") },
    {
      name: "seed 002's KMS error root KMS",
      ...xml,
      product: "kms",
      status: 400,
      body: seedExamples.kms().xmlError,
    },
    {
      name: "KMS success root KMS",
      ...xml,
      product: "kms",
      action: "DescribeRegions",
      body: `<KMS>${ID}</KMS>`,
    },
    {
      name: "KMS success root {Action}Response",
      ...xml,
      product: "kms",
      action: "DescribeRegions",
      body: `<DescribeRegionsResponse>${ID}</DescribeRegionsResponse>`,
    },
    {
      name: "JSON bodies have no root to judge",
      notApplicable: true,
      dialect: "alibaba",
      body: alibabaSuccess(),
    },
  ],
  invalid: [
    {
      name: "success root of another action",
      ...xml,
      product: "ess",
      action: "DeleteScalingGroup",
      body: `<CreateScalingGroupResponse>${ID}</CreateScalingGroupResponse>`,
      findings: [
        {
          messageId: "unexpectedRoot",
          data: {
            root: "CreateScalingGroupResponse",
            outcome: "success",
            expected: "DeleteScalingGroupResponse",
          },
          message:
            "XML root <CreateScalingGroupResponse> on a success response, expected <DeleteScalingGroupResponse>",
          expected: "DeleteScalingGroupResponse",
          actual: "CreateScalingGroupResponse",
        },
      ],
    },
    {
      name: "ESS error under a …Response root",
      ...xml,
      product: "ess",
      action: "DeleteScalingGroup",
      status: 403,
      body: error("DeleteScalingGroupResponse"),
      findings: [
        {
          messageId: "unexpectedRoot",
          data: { root: "DeleteScalingGroupResponse", outcome: "error", expected: "Error" },
          expected: "Error",
          actual: "DeleteScalingGroupResponse",
        },
      ],
    },
    {
      name: "ESS success under KMS's root",
      ...xml,
      product: "ess",
      action: "DeleteScalingGroup",
      body: `<KMS>${ID}</KMS>`,
      findings: [{ messageId: "unexpectedRoot", data: { root: "KMS" }, actual: "KMS" }],
    },
    {
      name: "KMS error under a made-up root",
      ...xml,
      product: "kms",
      status: 400,
      body: error("Response"),
      findings: [
        {
          messageId: "unexpectedRoot",
          data: { expected: "Error or KMS" },
          expected: "Error or KMS",
          actual: "Response",
        },
      ],
    },
  ],
});
