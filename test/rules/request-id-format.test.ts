import { requestIdFormat } from "../../src/rules/request-id-format.js";
import { alibabaSuccess, tencentSuccess, zenlayerSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { repairFragment, seedExamples } from "../support/seed-examples.js";

ruleTester(requestIdFormat, {
  valid: [
    {
      name: "Tencent lower-case UUID (seed 001)",
      dialect: "tencent",
      body: seedExamples.tencent("tencentApi").success,
    },
    {
      name: "Tencent upper-case UUID",
      dialect: "tencent",
      body: { Response: { RequestId: "B5B41468-520D-4192-B42F-595CC34B6C1C" } },
    },
    { name: "Alibaba upper-case UUID", dialect: "alibaba", body: alibabaSuccess() },
    {
      name: "Alibaba masked UUID from seed 004",
      dialect: "alibaba",
      status: 500,
      body: repairFragment(seedExamples.ess().jsonError),
    },
    {
      name: "KMS lower-case UUID (seed 002)",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      status: 400,
      body: seedExamples.kms().xmlError,
    },
    {
      name: "Zenlayer T + upper-case UUID (seed 000)",
      dialect: "zenlayer",
      body: seedExamples.zenlayer().success,
    },
    {
      name: "not judged when absent (request-id-present reports it)",
      notApplicable: true,
      dialect: "tencent",
      body: { Response: {} },
    },
  ],
  invalid: [
    {
      name: "Tencent 32 hex digits without dashes",
      dialect: "tencent",
      body: tencentSuccess({ RequestId: "b5b41468520d4192b42f595cc34b6c1c" }),
      findings: [
        {
          messageId: "unusualShape",
          data: { requestId: "b5b41468520d4192b42f595cc34b6c1c", shape: "a UUID (8-4-4-4-12 hex digits)" },
          pointer: "/Response/RequestId",
          severity: "warning",
          message: 'request ID "b5b41468520d4192b42f595cc34b6c1c" is not a UUID (8-4-4-4-12 hex digits)',
          expected: "a UUID (8-4-4-4-12 hex digits)",
        },
      ],
    },
    {
      name: "Tencent placeholder",
      dialect: "tencent",
      body: tencentSuccess({ RequestId: "abc" }),
      findings: [
        { messageId: "unusualShape", data: { requestId: "abc" }, severity: "warning", actual: "abc" },
      ],
    },
    {
      name: "Alibaba free text",
      dialect: "alibaba",
      body: alibabaSuccess({ RequestId: "req-1" }),
      findings: [
        {
          messageId: "unusualShape",
          data: { requestId: "req-1" },
          pointer: "/RequestId",
          severity: "warning",
        },
      ],
    },
    {
      name: "Zenlayer UUID without the T, inner and outer",
      dialect: "zenlayer",
      body: {
        requestId: "67723B59-F4D1-42EA-BDC1-5E67167FD8CC",
        response: { requestId: "67723B59-F4D1-42EA-BDC1-5E67167FD8CC" },
      },
      findings: [
        {
          messageId: "unusualShape",
          data: { shape: '"T" followed by an upper-case UUID' },
          pointer: "/requestId",
          severity: "warning",
        },
        { messageId: "unusualShape", pointer: "/response/requestId", severity: "warning" },
      ],
    },
    {
      name: "Zenlayer lower-case UUID",
      dialect: "zenlayer",
      body: zenlayerSuccess({ requestId: "T67723b59-f4d1-42ea-bdc1-5e67167fd8cc" }),
      findings: [{ messageId: "unusualShape", pointer: "/response/requestId", severity: "warning" }],
    },
  ],
});
