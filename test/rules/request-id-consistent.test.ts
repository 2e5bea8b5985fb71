import { requestIdConsistent } from "../../src/rules/request-id-consistent.js";
import {
  ALIBABA_ID,
  alibabaSuccess,
  TENCENT_ID,
  tencentSuccess,
  ZENLAYER_ID,
  zenlayerSuccess,
} from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

const OTHER_ZENLAYER_ID = "T00000000-F4D1-42EA-BDC1-5E67167FD8CC";

ruleTester(requestIdConsistent, {
  valid: [
    {
      name: "seed 000: inner and outer requestId agree",
      dialect: "zenlayer",
      body: seedExamples.zenlayer().success,
    },
    {
      name: "Alibaba body and x-acs-request-id agree",
      dialect: "alibaba",
      body: alibabaSuccess(),
      headers: { "x-acs-request-id": ALIBABA_ID },
    },
    {
      name: "Tencent body and X-TC-RequestId agree",
      dialect: "tencent",
      body: tencentSuccess(),
      headers: { "X-TC-RequestId": TENCENT_ID },
    },
    {
      name: "a single copy has nothing to disagree with",
      notApplicable: true,
      dialect: "alibaba",
      body: alibabaSuccess(),
    },
  ],
  invalid: [
    {
      name: "Zenlayer inner and outer requestId disagree",
      dialect: "zenlayer",
      body: zenlayerSuccess({ requestId: OTHER_ZENLAYER_ID }),
      findings: [
        {
          messageId: "differs",
          data: {
            where: "/response/requestId",
            requestId: OTHER_ZENLAYER_ID,
            firstWhere: "/requestId",
            firstRequestId: ZENLAYER_ID,
          },
          pointer: "/response/requestId",
          expected: ZENLAYER_ID,
          actual: OTHER_ZENLAYER_ID,
        },
      ],
    },
    {
      name: "Alibaba x-acs-request-id differs from the body",
      dialect: "alibaba",
      body: alibabaSuccess(),
      headers: { "x-acs-request-id": "11111111-2222-3333-4444-555555555555" },
      findings: [
        {
          messageId: "differs",
          data: { where: "header x-acs-request-id", firstWhere: "/RequestId" },
          pointer: "",
          location: "header:x-acs-request-id",
          expected: ALIBABA_ID,
        },
      ],
    },
    {
      name: "Tencent X-TC-RequestId differs from the body",
      dialect: "tencent",
      body: tencentSuccess(),
      headers: { "x-tc-requestid": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6" },
      findings: [
        {
          messageId: "differs",
          location: "header:x-tc-requestid",
          message: `request ID at header x-tc-requestid ("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6") differs from /Response/RequestId ("${TENCENT_ID}")`,
        },
      ],
    },
  ],
});
