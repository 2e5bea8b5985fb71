import { errorCodeMessage } from "../../src/rules/error-code-message.js";
import { alibabaError, TENCENT_ID, tencentError, tencentSuccess, zenlayerError } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

ruleTester(errorCodeMessage, {
  valid: [
    { name: "seed 001 error", dialect: "tencent", body: seedExamples.tencent("tencentApi").error },
    { name: "seed 000 error", dialect: "zenlayer", status: 400, body: seedExamples.zenlayer().error },
    {
      name: "seed 002 KMS XML error",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      status: 400,
      body: seedExamples.kms().xmlError,
    },
    {
      name: "a Tencent success with Success.Code/Message is not an error",
      notApplicable: true,
      dialect: "tencent",
      body: tencentSuccess({ Success: { Code: "Success", Message: "Success" } }),
    },
  ],
  invalid: [
    {
      name: "Tencent error without Message",
      dialect: "tencent",
      body: { Response: { Error: { Code: "InvalidParameter" }, RequestId: TENCENT_ID } },
      findings: [
        {
          messageId: "missing",
          data: { field: "message", pointer: "/Response/Error/Message" },
          pointer: "/Response/Error/Message",
          message: "error has no message: /Response/Error/Message is missing",
        },
      ],
    },
    {
      name: "Tencent error with empty Code and Message",
      dialect: "tencent",
      body: tencentError("", ""),
      findings: [
        { messageId: "empty", data: { field: "code" }, pointer: "/Response/Error/Code" },
        { messageId: "empty", data: { field: "message" }, pointer: "/Response/Error/Message" },
      ],
    },
    {
      name: "Tencent error with a numeric Code",
      dialect: "tencent",
      body: tencentError(4000),
      findings: [
        {
          messageId: "notString",
          data: { field: "code", type: "number" },
          pointer: "/Response/Error/Code",
          message: "error code at /Response/Error/Code is a number, not a string",
        },
      ],
    },
    {
      name: "Alibaba error without Message",
      dialect: "alibaba",
      status: 400,
      body: { ...alibabaError(), Message: undefined },
      findings: [{ messageId: "missing", data: { field: "message" }, pointer: "/Message" }],
    },
    {
      name: "Zenlayer error with a null message",
      dialect: "zenlayer",
      status: 400,
      body: { ...zenlayerError(), message: null },
      findings: [{ messageId: "notString", data: { field: "message", type: "null" }, pointer: "/message" }],
    },
    {
      name: "Zenlayer 500 with neither code nor message (an error by its status)",
      dialect: "zenlayer",
      status: 500,
      body: { requestId: "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC" },
      findings: [
        { messageId: "missing", data: { field: "code" }, pointer: "/code" },
        { messageId: "missing", data: { field: "message" }, pointer: "/message" },
      ],
    },
    {
      name: "Alibaba XML <Error> without Code",
      dialect: "alibaba",
      format: "xml",
      status: 400,
      body: "<Error><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><HostId>ess.aliyuncs.com</HostId><Message>m</Message></Error>",
      findings: [{ messageId: "missing", data: { field: "code", pointer: "/Code" }, pointer: "/Code" }],
    },
  ],
});
