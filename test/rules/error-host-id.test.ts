import { errorHostId } from "../../src/rules/error-host-id.js";
import { alibabaError, alibabaSuccess } from "../support/bodies.js";
import { ruleTester } from "../support/rule-tester.js";
import { repairFragment, seedExamples } from "../support/seed-examples.js";

ruleTester(errorHostId, {
  valid: [
    { name: "ESS error with HostId", dialect: "alibaba", product: "ess", status: 400, body: alibabaError() },
    {
      name: "seed 004's error with an empty HostId",
      dialect: "alibaba",
      product: "ess",
      status: 500,
      body: repairFragment(seedExamples.ess().jsonError),
    },
    { name: "a success needs no HostId", notApplicable: true, dialect: "alibaba", body: alibabaSuccess() },
    {
      name: "XML <Error> with HostId",
      dialect: "alibaba",
      format: "xml",
      status: 403,
      body: "<Error><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><HostId>ess.aliyuncs.com</HostId><Code>Forbidden</Code><Message>m</Message></Error>",
    },
  ],
  invalid: [
    {
      name: "ESS error without HostId",
      dialect: "alibaba",
      product: "ess",
      status: 400,
      body: { ...alibabaError(), HostId: undefined },
      findings: [
        { messageId: "missing", pointer: "/HostId", severity: "error", message: "error has no HostId" },
      ],
    },
    {
      name: "seed 002's KMS XML error (no HostId): a warning, since seed 002 contradicts itself",
      dialect: "alibaba",
      product: "kms",
      format: "xml",
      status: 400,
      body: seedExamples.kms().xmlError,
      findings: [{ messageId: "missing", pointer: "/HostId", severity: "warning" }],
    },
    {
      name: "HostId that is not a string",
      dialect: "alibaba",
      product: "ess",
      status: 400,
      body: alibabaError("InvalidParameter", { HostId: 7 }),
      findings: [{ messageId: "notString", data: {}, actual: "7" }],
    },
  ],
});
