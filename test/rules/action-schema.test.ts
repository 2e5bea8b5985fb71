import { actionSchema } from "../../src/rules/action-schema.js";
import { SCHEMA_MESSAGES } from "../../src/rules/schema-findings.js";
import { ALIBABA_ID, alibabaSuccess, tencentSuccess, zenlayerSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

const group = {
  ScalingGroupId: "asg-bp1igpak5ft1flyp****",
  ScalingGroupName: "web",
  RegionId: "cn-hangzhou",
  LifecycleState: "Active",
  MinSize: 1,
  MaxSize: 5,
};
const groups = (list: unknown[]) =>
  alibabaSuccess({
    TotalCount: list.length,
    PageNumber: 1,
    PageSize: 10,
    ScalingGroups: { ScalingGroup: list },
  });
const groupXml = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><DescribeScalingGroupsResponse><RequestId>${ALIBABA_ID}</RequestId><TotalCount>1</TotalCount><PageNumber>1</PageNumber><PageSize>10</PageSize><ScalingGroups>${inner}</ScalingGroups></DescribeScalingGroupsResponse>`;
const groupElement = (minSize: string) =>
  `<ScalingGroup><ScalingGroupId>asg-1</ScalingGroupId><ScalingGroupName>web</ScalingGroupName><RegionId>cn-hangzhou</RegionId><LifecycleState>Active</LifecycleState><MinSize>${minSize}</MinSize><MaxSize>5</MaxSize></ScalingGroup>`;

ruleTester(actionSchema, {
  valid: [
    {
      name: "seed 001 DescribeInstancesStatus example",
      dialect: "tencent",
      action: "DescribeInstancesStatus",
      body: seedExamples.tencent("tencentApi").success,
    },
    {
      name: "seed 000 CreateInstances example",
      dialect: "zenlayer",
      action: "CreateInstances",
      body: seedExamples.zenlayer().success,
    },
    {
      name: "ESS DescribeScalingGroups, JSON",
      dialect: "alibaba",
      product: "ess",
      action: "DescribeScalingGroups",
      body: groups([group]),
    },
    {
      name: "ESS DescribeScalingGroups, XML with one group (a single element is a list of one)",
      dialect: "alibaba",
      product: "ess",
      action: "DescribeScalingGroups",
      format: "xml",
      body: groupXml(groupElement("1")),
    },
    {
      name: "ESS DescribeScalingGroups, XML with no group (<ScalingGroups/>)",
      dialect: "alibaba",
      product: "ess",
      action: "DescribeScalingGroups",
      format: "xml",
      body: groupXml("").replace("<ScalingGroups></ScalingGroups>", "<ScalingGroups/>"),
    },
    {
      name: "ESS DescribeScalingGroups, XML with two groups",
      dialect: "alibaba",
      product: "ess",
      action: "DescribeScalingGroups",
      format: "xml",
      body: groupXml(groupElement("1") + groupElement("2")),
    },
    {
      name: "KMS Encrypt",
      dialect: "alibaba",
      product: "kms",
      action: "Encrypt",
      body: alibabaSuccess({
        CiphertextBlob:
          "ODZhOWVmZDktM2QxNi00ODk0LWJkNGYtMWZjNDNmM2YyYWJmS7FmDBBQ0BkKsQrtRnidtPwirmDcS0ZuJCU41xxAAWk4Z8qsADfbV0b+i6kQmlvj79dJdGOvtX69Uycs901qOjop4bTS****",
        KeyId: "key-hzz630494463ejqjx****",
        KeyVersionId: "2ab1a983-7072-4bbc-a582-584b5bd8****",
      }),
    },
    {
      name: "an action no description names is not judged",
      notApplicable: true,
      dialect: "tencent",
      action: "DescribeConformanceFixture",
      body: tencentSuccess({ ZoneSet: "anything" }),
    },
    {
      name: "an error is not judged by the action's schema",
      notApplicable: true,
      dialect: "tencent",
      action: "DescribeInstancesStatus",
      body: {
        Response: {
          Error: { Code: "InternalError", Message: "x" },
          RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c",
        },
      },
    },
  ],
  invalid: [
    {
      name: "TotalCount as a string",
      dialect: "tencent",
      action: "DescribeInstancesStatus",
      body: tencentSuccess({ TotalCount: "0", InstanceStatusSet: [] }),
      findings: [
        {
          messageId: "schema.type",
          data: { type: "integer" },
          pointer: "/Response/TotalCount",
          message: "/Response/TotalCount: must be integer",
          expected: "integer",
          actual: '"0"',
        },
      ],
    },
    {
      name: "InstanceStatusSet missing",
      dialect: "tencent",
      action: "DescribeInstancesStatus",
      body: tencentSuccess({ TotalCount: 0 }),
      findings: [
        {
          messageId: "schema.required",
          data: { missingProperty: "InstanceStatusSet" },
          pointer: "/Response/InstanceStatusSet",
        },
      ],
    },
    {
      name: "CreateInstances instanceIdSet not an array",
      dialect: "zenlayer",
      action: "CreateInstances",
      body: zenlayerSuccess({ instanceIdSet: "1234567654321", orderNumber: "1234567654321" }),
      findings: [{ messageId: "schema.type", data: { type: "array" }, pointer: "/response/instanceIdSet" }],
    },
    {
      name: "ESS LifecycleState outside its enum",
      dialect: "alibaba",
      product: "ess",
      action: "DescribeScalingGroups",
      body: groups([{ ...group, LifecycleState: "Running" }]),
      findings: [
        {
          messageId: "schema.enum",
          data: { allowedValues: '["Active","Inactive","Deleting"]' },
          pointer: "/ScalingGroups/ScalingGroup/0/LifecycleState",
        },
      ],
    },
    {
      name: "ESS XML with a MinSize that is not a number",
      dialect: "alibaba",
      product: "ess",
      action: "DescribeScalingGroups",
      format: "xml",
      body: groupXml(groupElement("one")),
      findings: [
        {
          messageId: "schema.pattern",
          data: { pattern: "^-?[0-9]+$" },
          pointer: "/ScalingGroups/ScalingGroup/MinSize",
          expected: "a string matching ^-?[0-9]+$",
          actual: '"one"',
        },
      ],
    },
    {
      name: "CreateScalingGroup without ScalingGroupId",
      dialect: "alibaba",
      product: "ess",
      action: "CreateScalingGroup",
      body: alibabaSuccess(),
      findings: [
        { messageId: "schema.required", pointer: "/ScalingGroupId", message: "/ScalingGroupId: is missing" },
      ],
    },
  ],
  notCovered: schemaMessagesCoveredElsewhere([
    "schema.type",
    "schema.required",
    "schema.enum",
    "schema.pattern",
  ]),
});

/** The other ajv keywords' messages are drawn, each, by test/rules/schema-findings.test.ts. */
function schemaMessagesCoveredElsewhere(drawnHere: readonly string[]): Record<string, string> {
  const reason = "drawn by test/rules/schema-findings.test.ts, which breaks every keyword of SCHEMA_MESSAGES";
  return Object.fromEntries(
    Object.keys(SCHEMA_MESSAGES)
      .filter((id) => !drawnHere.includes(id))
      .map((id) => [id, reason]),
  );
}
