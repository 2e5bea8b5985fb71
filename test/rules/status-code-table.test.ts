import { statusCodeTable } from "../../src/rules/status-code-table.js";
import { alibabaError, tencentError, zenlayerError } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

const kms = { dialect: "alibaba" as const, product: "kms" };
const ess = { dialect: "alibaba" as const, product: "ess" };

ruleTester(statusCodeTable, {
  valid: [
    {
      name: "InvalidAccessKeyId.NotFound with 404 for KMS",
      ...kms,
      status: 404,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
    },
    {
      name: "InvalidAccessKeyId.NotFound with 400 for ESS",
      ...ess,
      status: 400,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
    },
    {
      name: "KMS Rejected.Throttling with 429",
      ...kms,
      status: 429,
      body: alibabaError("Rejected.Throttling"),
    },
    { name: "ESS Throttling with 400", ...ess, status: 400, body: alibabaError("Throttling") },
    {
      name: "seed 002 KMS XML example: IllegalTimestamp with 400",
      ...kms,
      format: "xml",
      status: 400,
      body: seedExamples.kms().xmlError,
    },
    {
      name: "KMS misspelt SerivceUnavailableTemporary with its documented 503",
      ...kms,
      status: 503,
      body: alibabaError("SerivceUnavailableTemporary"),
    },
    {
      name: "Zenlayer INVALID_ZONE_NOT_FOUND in the 4xx class",
      dialect: "zenlayer",
      status: 404,
      body: zenlayerError("INVALID_ZONE_NOT_FOUND"),
    },
    {
      name: "Zenlayer INTERNAL_SERVER_ERROR in the 5xx class",
      dialect: "zenlayer",
      status: 500,
      body: zenlayerError("INTERNAL_SERVER_ERROR"),
    },
    {
      name: "Tencent documents no status per code",
      dialect: "tencent",
      status: 200,
      body: tencentError("InternalError"),
    },
    { name: "a code in no table is not judged", ...ess, status: 418, body: alibabaError("Made.Up") },
  ],
  invalid: [
    {
      name: "InvalidAccessKeyId.NotFound with 400 for KMS",
      ...kms,
      status: 400,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
      findings: [{ pointer: "/Code", location: "status", expected: "404", actual: "400" }],
    },
    {
      name: "InvalidAccessKeyId.NotFound with 404 for ESS",
      ...ess,
      status: 404,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
      findings: [{ expected: "400", actual: "404" }],
    },
    {
      name: "ESS SignatureDoesNotMatch with 400",
      ...ess,
      status: 400,
      body: alibabaError("SignatureDoesNotMatch"),
      findings: [{ expected: "403" }],
    },
    {
      name: "KMS Rejected.Disabled with 400",
      ...kms,
      status: 400,
      body: alibabaError("Rejected.Disabled"),
      findings: [{ expected: "409", message: /Rejected\.Disabled is documented with HTTP 409/ }],
    },
    {
      name: "Zenlayer INTERNAL_SERVER_ERROR with 400",
      dialect: "zenlayer",
      status: 400,
      body: zenlayerError("INTERNAL_SERVER_ERROR"),
      findings: [{ expected: "5xx", actual: "400" }],
    },
    {
      name: "Alibaba XML error with the wrong status",
      ...ess,
      format: "xml",
      status: 500,
      body: "<Error><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><HostId>ess.aliyuncs.com</HostId><Code>Forbidden</Code><Message>m</Message></Error>",
      findings: [{ expected: "403", actual: "500" }],
    },
  ],
});
