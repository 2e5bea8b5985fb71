import { requestIdPresent } from "../../src/rules/request-id-present.js";
import { alibabaError, tencentError, ZENLAYER_ID, zenlayerError } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

ruleTester(requestIdPresent, {
  valid: [
    { name: "seed 001 success", dialect: "tencent", body: seedExamples.tencent("tencentApi").success },
    { name: "seed 001 error", dialect: "tencent", body: seedExamples.tencent("tencentApi").error },
    {
      name: "seed 000 success (inner and outer)",
      dialect: "zenlayer",
      body: seedExamples.zenlayer().success,
    },
    {
      name: "seed 000 error (outer only: errors carry no response)",
      dialect: "zenlayer",
      status: 400,
      body: seedExamples.zenlayer().error,
    },
    {
      name: "seed 002 KMS XML error",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      status: 400,
      body: seedExamples.kms().xmlError,
    },
    { name: "Alibaba error", dialect: "alibaba", status: 400, body: alibabaError() },
    {
      name: "a Tencent body without Response is left to envelope-shape (one defect, one finding)",
      notApplicable: true,
      dialect: "tencent",
      body: { RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" },
    },
  ],
  invalid: [
    {
      name: "Tencent success without RequestId",
      dialect: "tencent",
      body: { Response: { TotalCount: 0 } },
      findings: [
        {
          messageId: "missing",
          data: { pointer: "/Response/RequestId" },
          pointer: "/Response/RequestId",
          message: "no request ID: /Response/RequestId is missing",
        },
      ],
    },
    {
      name: "Tencent error with an empty RequestId",
      dialect: "tencent",
      body: { Response: { ...tencentError().Response, RequestId: "" } },
      findings: [
        {
          messageId: "empty",
          data: { pointer: "/Response/RequestId" },
          pointer: "/Response/RequestId",
          actual: '""',
        },
      ],
    },
    {
      name: "Alibaba error without RequestId",
      dialect: "alibaba",
      status: 400,
      body: { ...alibabaError(), RequestId: undefined },
      findings: [{ messageId: "missing", pointer: "/RequestId" }],
    },
    {
      name: "Alibaba RequestId as a number",
      dialect: "alibaba",
      body: { RequestId: 12345 },
      findings: [
        { messageId: "notString", data: { pointer: "/RequestId" }, pointer: "/RequestId", actual: "12345" },
      ],
    },
    {
      name: "Zenlayer success without the inner requestId",
      dialect: "zenlayer",
      body: { requestId: ZENLAYER_ID, response: { instanceIdSet: [] } },
      findings: [{ messageId: "missing", pointer: "/response/requestId" }],
    },
    {
      name: "Zenlayer error without requestId",
      dialect: "zenlayer",
      status: 400,
      body: { ...zenlayerError(), requestId: undefined },
      findings: [{ messageId: "missing", pointer: "/requestId" }],
    },
    {
      name: "XML body without RequestId",
      dialect: "alibaba",
      format: "xml",
      body: "<DescribeThingsResponse><Total>1</Total></DescribeThingsResponse>",
      findings: [{ messageId: "missing", pointer: "/RequestId" }],
    },
  ],
});
