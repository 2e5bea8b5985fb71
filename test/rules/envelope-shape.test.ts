import { envelopeShape } from "../../src/rules/envelope-shape.js";
import { SCHEMA_MESSAGES } from "../../src/rules/schema-findings.js";
import {
  alibabaError,
  alibabaSuccess,
  TENCENT_ID,
  tencentSuccess,
  ZENLAYER_ID,
  zenlayerError,
} from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { repairFragment, seedExamples } from "../support/seed-examples.js";

const zenlayer = seedExamples.zenlayer();
const tencent = seedExamples.tencent("tencentGuide");
const kms = seedExamples.kms();
const ess = seedExamples.ess();

ruleTester(envelopeShape, {
  valid: [
    {
      name: "seed 001 success example",
      dialect: "tencent",
      body: seedExamples.tencent("tencentApi").success,
    },
    { name: "seed 003 error example", dialect: "tencent", body: tencent.error },
    {
      name: "seed 000 success example",
      dialect: "zenlayer",
      action: "CreateInstances",
      body: zenlayer.success,
    },
    { name: "seed 000 error example", dialect: "zenlayer", status: 400, body: zenlayer.error },
    {
      name: "Zenlayer error without response",
      dialect: "zenlayer",
      status: 404,
      body: zenlayerError("OPERATION_FAILED_RESOURCE_NOT_FOUND"),
    },
    {
      name: "seed 002 KMS XML error example",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      status: 400,
      body: kms.xmlError,
    },
    {
      name: "seed 004 error fragment, repaired",
      dialect: "alibaba",
      status: 500,
      body: repairFragment(ess.jsonError),
    },
    {
      name: "seed 004 success fragment, repaired",
      dialect: "alibaba",
      body: repairFragment(ess.jsonSuccess),
    },
    {
      name: "Tencent success with its own Success.Code (not an error)",
      dialect: "tencent",
      body: tencentSuccess({ Success: { Code: "Success", Message: "Success" } }),
    },
    {
      name: "Tencent success with a Message field",
      dialect: "tencent",
      body: tencentSuccess({ Message: "Already authorized" }),
    },
    {
      name: "Alibaba success with Code 200 (pop-core: not an error)",
      dialect: "alibaba",
      body: alibabaSuccess({ Code: "200" }),
    },
    {
      name: "a missing request ID is left to request-id-present",
      dialect: "tencent",
      body: { Response: {} },
    },
    {
      name: "a missing error Message is left to error-code-message",
      dialect: "tencent",
      body: { Response: { Error: { Code: "InvalidParameter" }, RequestId: TENCENT_ID } },
    },
    {
      name: "a missing HostId is left to error-host-id",
      dialect: "alibaba",
      status: 400,
      body: { ...alibabaError(), HostId: undefined },
    },
  ],
  invalid: [
    {
      name: "Tencent body without Response",
      dialect: "tencent",
      body: { RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" },
      findings: [
        {
          messageId: "notAnEnvelope",
          data: { dialect: "tencent" },
          pointer: "",
          message: 'body is not a tencent envelope: expected an object with a "Response" object',
        },
      ],
    },
    {
      name: "Tencent Response that is an array",
      dialect: "tencent",
      body: { Response: [] },
      findings: [{ messageId: "notAnEnvelope", data: { dialect: "tencent" } }],
    },
    {
      name: "Tencent Error that is a string",
      dialect: "tencent",
      body: { Response: { Error: "AuthFailure", RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" } },
      findings: [
        {
          messageId: "schema.type",
          data: { type: "object" },
          pointer: "/Response/Error",
          expected: "object",
        },
      ],
    },
    {
      name: "Alibaba body that is an array",
      dialect: "alibaba",
      body: [alibabaSuccess()],
      findings: [
        {
          messageId: "notAnEnvelope",
          data: { dialect: "alibaba", envelope: "an object" },
          message: "body is not an alibaba envelope: expected an object",
        },
      ],
    },
    {
      name: "Zenlayer success whose response is a string",
      dialect: "zenlayer",
      body: { requestId: ZENLAYER_ID, response: "ok" },
      findings: [{ messageId: "schema.type", data: { type: "object" }, pointer: "/response" }],
    },
    {
      name: "Zenlayer success without response (told by HTTP 200)",
      dialect: "zenlayer",
      body: { requestId: ZENLAYER_ID },
      findings: [
        { messageId: "schema.required", data: { missingProperty: "response" }, pointer: "/response" },
      ],
    },
    {
      name: "ESS XML error whose Recommend is not text",
      dialect: "alibaba",
      product: "ess",
      format: "xml",
      status: 400,
      body: "<Error><RequestId>x</RequestId><HostId>h</HostId><Code>Throttling</Code><Message>m</Message><Recommend><A>1</A></Recommend></Error>",
      findings: [{ messageId: "schema.type", data: { type: "string" }, pointer: "/Recommend" }],
    },
  ],
  notCovered: schemaMessagesCoveredElsewhere(["schema.type", "schema.required"]),
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
