import { probeExpectedCode } from "../../src/rules/probe-expected-code.js";
import {
  alibabaError,
  tencentError,
  tencentSuccess,
  zenlayerError,
  zenlayerSuccess,
} from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";

const SOURCE = "seeds/001";
const missing = {
  name: "missing-required:DescribeInstancesAttributes",
  expected: { code: "MissingParameter", status: 200, source: SOURCE },
};
/** Zenlayer names no code for most probes: only the status class is expected. */
const zenlayerClass = {
  name: "wrong-type:DescribeImages",
  expected: { code: null, status: "4xx" as const, source: "seeds/000" },
};
const throttlingProbe = {
  name: "throttling",
  expected: { code: "RequestLimitExceeded", status: 200, source: SOURCE },
};

ruleTester(probeExpectedCode, {
  valid: [
    {
      name: "the documented code and status",
      dialect: "tencent",
      probe: missing,
      body: tencentError("MissingParameter"),
    },
    {
      name: "not a probe",
      notApplicable: true,
      dialect: "tencent",
      body: tencentError("InvalidParameter"),
    },
    {
      name: "a throttled answer to a probe that does not expect one: the runner retries it",
      notApplicable: true,
      dialect: "tencent",
      probe: missing,
      body: tencentError("RequestLimitExceeded"),
    },
    {
      name: "an HTTP 429 to a probe that does not expect one",
      notApplicable: true,
      dialect: "alibaba",
      product: "kms",
      status: 429,
      probe: {
        name: "wrong-type:ListKeys",
        expected: { code: "InvalidParameter", status: 400, source: SOURCE },
      },
      body: alibabaError("Rejected.Throttling"),
    },
    {
      name: "the throttling probe drawing the throttling code",
      dialect: "tencent",
      probe: throttlingProbe,
      body: tencentError("RequestLimitExceeded"),
    },
  ],
  invalid: [
    {
      name: "Zenlayer: a success where an error of the class is expected",
      dialect: "zenlayer",
      probe: zenlayerClass,
      body: zenlayerSuccess({}),
      findings: [{ messageId: "answeredAsSuccessWithStatus", expected: "an error with status 4xx" }],
    },
    {
      name: "Zenlayer: an error of another status class",
      dialect: "zenlayer",
      status: 500,
      probe: zenlayerClass,
      body: zenlayerError("INTERNAL_SERVER_ERROR"),
      findings: [{ messageId: "wrongStatus", location: "status", expected: "4xx", actual: "500" }],
    },
    {
      name: "Alibaba: an error without a code, with another status",
      dialect: "alibaba",
      product: "kms",
      status: 500,
      probe: {
        name: "wrong-type:ListKeys",
        expected: { code: "InvalidParameter", status: 400, source: SOURCE },
      },
      body: { RequestId: "7e1c0f35-2a48-4b8e-9d10-43a5c3b1f2aa", Message: "oops" },
      findings: [
        { messageId: "noCode", expected: "InvalidParameter", actual: "(absent)" },
        { messageId: "wrongStatus", expected: "400", actual: "500" },
      ],
    },
    {
      name: "another code",
      dialect: "tencent",
      probe: missing,
      body: tencentError("InvalidParameterValue"),
      findings: [
        {
          messageId: "wrongCode",
          pointer: "/Response/Error/Code",
          expected: "MissingParameter",
          actual: "InvalidParameterValue",
        },
      ],
    },
    {
      name: "a success",
      dialect: "tencent",
      probe: missing,
      body: tencentSuccess({}),
      findings: [{ messageId: "answeredAsSuccess", expected: "MissingParameter", actual: "success" }],
    },
    {
      name: "the throttling probe answered with another error",
      dialect: "tencent",
      probe: throttlingProbe,
      body: tencentError("InternalError"),
      findings: [{ messageId: "wrongCode", expected: "RequestLimitExceeded", actual: "InternalError" }],
    },
  ],
});
