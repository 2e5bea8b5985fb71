import { statusOutcome } from "../../src/rules/status-outcome.js";
import {
  alibabaError,
  alibabaSuccess,
  tencentError,
  tencentSuccess,
  zenlayerError,
  zenlayerSuccess,
} from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

ruleTester(statusOutcome, {
  valid: [
    {
      name: "Tencent error with 200 (how every official SDK reads it)",
      dialect: "tencent",
      status: 200,
      body: seedExamples.tencent("tencentGuide").error,
    },
    { name: "Tencent success with 200", dialect: "tencent", body: tencentSuccess() },
    { name: "Alibaba success with 200", dialect: "alibaba", body: alibabaSuccess() },
    { name: "Alibaba success with 204", dialect: "alibaba", status: 204, body: alibabaSuccess() },
    {
      name: "Alibaba error with 404",
      dialect: "alibaba",
      status: 404,
      body: alibabaError("Forbidden.KeyNotFound"),
    },
    {
      name: "Alibaba error with 503",
      dialect: "alibaba",
      status: 503,
      body: alibabaError("ServiceUnavailable"),
    },
    {
      name: "Zenlayer success with 200 (seed 000)",
      dialect: "zenlayer",
      body: seedExamples.zenlayer().success,
    },
    {
      name: "Zenlayer error with 400",
      dialect: "zenlayer",
      status: 400,
      body: seedExamples.zenlayer().error,
    },
    {
      name: "Zenlayer error with 500",
      dialect: "zenlayer",
      status: 500,
      body: zenlayerError("INTERNAL_SERVER_ERROR"),
    },
  ],
  invalid: [
    {
      name: "the same Tencent error envelope with 400",
      dialect: "tencent",
      status: 400,
      body: seedExamples.tencent("tencentGuide").error,
      findings: [
        {
          messageId: "tencentErrorNot200",
          data: { status: 400, dialect: "tencent", outcome: "error", expected: "200" },
          location: "status",
          message:
            "HTTP 400 on a tencent error response, expected 200 (official Tencent SDKs read an error envelope only with HTTP 200)",
          expected: "200",
          actual: "400",
        },
      ],
    },
    {
      name: "Tencent success with 500",
      dialect: "tencent",
      status: 500,
      body: tencentSuccess(),
      findings: [
        {
          messageId: "unexpectedStatus",
          data: { status: 500, dialect: "tencent", outcome: "success", expected: "200" },
          message: "HTTP 500 on a tencent success response, expected 200",
          expected: "200",
          actual: "500",
        },
      ],
    },
    {
      name: "Tencent error with 502",
      dialect: "tencent",
      status: 502,
      body: tencentError("InternalError"),
      findings: [{ messageId: "tencentErrorNot200", data: { status: 502 }, actual: "502" }],
    },
    {
      name: "Alibaba error with 200",
      dialect: "alibaba",
      status: 200,
      body: alibabaError("InvalidParameter"),
      findings: [
        {
          messageId: "unexpectedStatus",
          data: { status: 200, dialect: "alibaba", outcome: "error", expected: "4xx or 5xx" },
          expected: "4xx or 5xx",
          actual: "200",
        },
      ],
    },
    {
      name: "Alibaba XML <Error> with 200",
      dialect: "alibaba",
      format: "xml",
      status: 200,
      body: "<Error><RequestId>x</RequestId><HostId>h</HostId><Code>Forbidden</Code><Message>m</Message></Error>",
      findings: [{ messageId: "unexpectedStatus", data: { outcome: "error" }, actual: "200" }],
    },
    {
      name: "Zenlayer success with 201",
      dialect: "zenlayer",
      status: 201,
      body: zenlayerSuccess(),
      findings: [
        {
          messageId: "unexpectedStatus",
          data: { dialect: "zenlayer", outcome: "success" },
          expected: "200",
          actual: "201",
        },
      ],
    },
    {
      name: "Zenlayer error with 200",
      dialect: "zenlayer",
      status: 200,
      body: zenlayerError(),
      findings: [
        { messageId: "unexpectedStatus", data: { status: 200 }, expected: "4xx or 5xx", actual: "200" },
      ],
    },
    {
      name: "Zenlayer error with 302",
      dialect: "zenlayer",
      status: 302,
      body: zenlayerError(),
      findings: [{ messageId: "unexpectedStatus", data: { status: 302 }, actual: "302" }],
    },
  ],
});
