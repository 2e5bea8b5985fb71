import { statusBodyConsistent } from "../../src/rules/status-body-consistent.js";
import { alibabaError } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";

const kms = { dialect: "alibaba" as const, product: "kms" };

ruleTester(statusBodyConsistent, {
  valid: [
    {
      name: "seed 002 KMS XML error: HttpStatus 400 with 400",
      ...kms,
      format: "xml",
      status: 400,
      body: seedExamples.kms().xmlError,
    },
    {
      name: "JSON HttpStatus as a number",
      ...kms,
      status: 404,
      body: alibabaError("Forbidden.KeyNotFound", { HttpStatus: 404 }),
    },
  ],
  invalid: [
    {
      name: "seed 002 KMS XML error sent with 500",
      ...kms,
      format: "xml",
      status: 500,
      body: seedExamples.kms().xmlError,
      findings: [
        {
          messageId: "differs",
          data: { bodyStatus: '"400"', status: 500 },
          pointer: "/HttpStatus",
          message: 'HttpStatus in the body ("400") differs from the HTTP status 500',
          expected: "500",
          actual: '"400"',
        },
      ],
    },
    {
      name: "JSON HttpStatus that disagrees",
      ...kms,
      status: 400,
      body: alibabaError("Forbidden.KeyNotFound", { HttpStatus: 404 }),
      findings: [
        { messageId: "differs", data: { bodyStatus: "404", status: 400 }, expected: "400", actual: "404" },
      ],
    },
    {
      name: "HttpStatus as a string in JSON",
      ...kms,
      status: 400,
      body: alibabaError("InvalidParameter", { HttpStatus: "four hundred" }),
      findings: [{ messageId: "differs", data: { bodyStatus: '"four hundred"' }, actual: '"four hundred"' }],
    },
  ],
});
