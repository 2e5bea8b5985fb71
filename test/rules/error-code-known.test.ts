import { errorCodeKnown } from "../../src/rules/error-code-known.js";
import { alibabaError, tencentError, zenlayerError } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";

const kms = { dialect: "alibaba" as const, product: "kms", status: 400 };

ruleTester(errorCodeKnown, {
  valid: [
    {
      name: "Tencent common code from seed 001",
      dialect: "tencent",
      body: tencentError("AuthFailure.SignatureFailure"),
    },
    {
      name: "Tencent common code only provider-facts lists",
      dialect: "tencent",
      body: tencentError("RequestLimitExceeded.UinLimitExceeded"),
    },
    {
      name: "Tencent product code extending a common code with a dot",
      dialect: "tencent",
      body: tencentError("InvalidParameterValue.NoFaceInPhoto"),
    },
    { name: "KMS code from seed 002", ...kms, body: alibabaError("IllegalTimestamp") },
    {
      name: "KMS code only provider-facts lists",
      ...kms,
      status: 429,
      body: alibabaError("Rejected.Throttling"),
    },
    {
      name: "ESS code from seed 004",
      dialect: "alibaba",
      product: "ess",
      status: 400,
      body: alibabaError("Throttling"),
    },
    {
      name: "Zenlayer code seen on the wire",
      dialect: "zenlayer",
      status: 400,
      body: zenlayerError("INVALID_ZONE_NOT_FOUND"),
    },
    {
      name: "a product without a table is not judged",
      notApplicable: true,
      dialect: "alibaba",
      product: "rds",
      status: 400,
      body: alibabaError("Whatever.Code"),
    },
  ],
  invalid: [
    {
      name: "Tencent code in no table",
      dialect: "tencent",
      body: tencentError("NoSuchThing"),
      findings: [
        {
          messageId: "unknownCode",
          data: { code: "NoSuchThing", tables: "Tencent Cloud API 3.0 common error codes" },
          pointer: "/Response/Error/Code",
          severity: "warning",
          message: 'error code "NoSuchThing" is not in Tencent Cloud API 3.0 common error codes',
          actual: "NoSuchThing",
        },
      ],
    },
    {
      name: "Tencent dotted code whose base is unknown",
      dialect: "tencent",
      body: tencentError("Bogus.Thing"),
      findings: [{ messageId: "unknownCode", data: { code: "Bogus.Thing" }, severity: "warning" }],
    },
    {
      name: "ESS code from the KMS table",
      dialect: "alibaba",
      product: "ess",
      status: 400,
      body: alibabaError("IllegalTimestamp"),
      findings: [
        {
          messageId: "unknownCode",
          data: {
            code: "IllegalTimestamp",
            tables: "Alibaba Cloud Auto Scaling (ESS) 2014-08-28 common error codes",
          },
          pointer: "/Code",
          severity: "warning",
        },
      ],
    },
    {
      name: "KMS misspelling from older documentation",
      ...kms,
      status: 503,
      body: alibabaError("SerivceUnavailableTemporary"),
      findings: [
        {
          messageId: "misspelledCode",
          data: { code: "SerivceUnavailableTemporary", correct: "ServiceUnavailableTemporary" },
          message:
            'error code "SerivceUnavailableTemporary" is a misspelling, printed by older documentation, of "ServiceUnavailableTemporary"',
          expected: "ServiceUnavailableTemporary",
          severity: "warning",
        },
      ],
    },
    {
      name: "Zenlayer unknown code",
      dialect: "zenlayer",
      status: 400,
      body: zenlayerError("SOMETHING_ELSE"),
      findings: [
        { messageId: "unknownCode", data: { code: "SOMETHING_ELSE" }, pointer: "/code", severity: "warning" },
      ],
    },
  ],
});
