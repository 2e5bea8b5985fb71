import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { checkExchange } from "../../src/engine/check-exchange.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { schemasDir } from "../../src/project-paths.js";
import { statusCodeTable } from "../../src/rules/status-code-table.js";
import { CodeTables } from "../../src/schemas/code-tables.js";
import { alibabaError, tencentError, zenlayerError } from "../support/bodies.js";
import { buildExchange, type ExchangeSpec } from "../support/exchange-builder.js";
import { ruleTester } from "../support/rule-tester.js";
import { seedExamples } from "../support/seed-examples.js";
import { sharedEngine } from "../support/shared-engine.js";

const kms = { dialect: "alibaba" as const, product: "kms" };
const ess = { dialect: "alibaba" as const, product: "ess" };
const ID = statusCodeTable.meta.id;

ruleTester(statusCodeTable, {
  valid: [
    {
      name: "InvalidAccessKeyId.NotFound with 404 for KMS (KMS's table and the gateway agree)",
      ...kms,
      status: 404,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
    },
    {
      name: "InvalidAccessKeyId.NotFound with 400 for ESS (documented by seed 004)",
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
  ],
  invalid: [
    {
      name: "InvalidAccessKeyId.NotFound with 400 for KMS (KMS's table and the gateway both say 404)",
      ...kms,
      status: 400,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
      findings: [
        {
          messageId: "statusNotDocumented",
          data: {
            code: "InvalidAccessKeyId.NotFound",
            documented: 404,
            table: "Alibaba Cloud KMS 2016-01-20 public error codes",
            status: 400,
          },
          pointer: "/Code",
          location: "status",
          severity: "error",
          expected: "404",
          actual: "400",
          message:
            "InvalidAccessKeyId.NotFound is documented with HTTP 404 in Alibaba Cloud KMS 2016-01-20 public error codes, but came with 400",
        },
      ],
    },
    {
      name: "InvalidAccessKeyId.NotFound with 404 for ESS: the gateway's status, a warning naming both",
      ...ess,
      status: 404,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
      findings: [
        {
          messageId: "gatewayStatus",
          data: {
            code: "InvalidAccessKeyId.NotFound",
            documented: 400,
            status: 404,
            observedOn: "DNS, RDS, ACK, machine translation",
          },
          pointer: "/Code",
          location: "status",
          severity: "warning",
          expected: "400",
          actual: "404",
          message:
            /InvalidAccessKeyId\.NotFound came with HTTP 404: Alibaba Cloud Auto Scaling \(ESS\).* documents HTTP 400, but the API gateway answers it with 404 on every product seen \(DNS, RDS, ACK, machine translation\)/,
        },
      ],
    },
    {
      name: "InvalidAccessKeyId.NotFound with 500 for ESS: neither documented nor the gateway's",
      ...ess,
      status: 500,
      body: alibabaError("InvalidAccessKeyId.NotFound"),
      findings: [
        {
          messageId: "statusNeitherDocumentedNorGateway",
          data: { documented: 400, gatewayStatus: 404, status: 500 },
          severity: "error",
          expected: "400 or 404",
          actual: "500",
        },
      ],
    },
    {
      name: "ESS SignatureDoesNotMatch with 400",
      ...ess,
      status: 400,
      body: alibabaError("SignatureDoesNotMatch"),
      findings: [
        { messageId: "statusNotDocumented", data: { documented: 403, status: 400 }, expected: "403" },
      ],
    },
    {
      name: "KMS Rejected.Disabled with 400",
      ...kms,
      status: 400,
      body: alibabaError("Rejected.Disabled"),
      findings: [
        {
          messageId: "statusNotDocumented",
          data: { code: "Rejected.Disabled", documented: 409 },
          expected: "409",
        },
      ],
    },
    {
      name: "Zenlayer INTERNAL_SERVER_ERROR with 400",
      dialect: "zenlayer",
      status: 400,
      body: zenlayerError("INTERNAL_SERVER_ERROR"),
      findings: [
        {
          messageId: "statusNotDocumented",
          data: { documented: "5xx", status: 400 },
          message:
            "INTERNAL_SERVER_ERROR is documented with HTTP 5xx in Zenlayer Cloud error codes seen on the wire, but came with 400",
          expected: "5xx",
          actual: "400",
        },
      ],
    },
    {
      name: "Alibaba XML error with the wrong status",
      ...ess,
      format: "xml",
      status: 500,
      body: "<Error><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><HostId>ess.aliyuncs.com</HostId><Code>Forbidden</Code><Message>m</Message></Error>",
      findings: [
        { messageId: "statusNotDocumented", data: { code: "Forbidden" }, expected: "403", actual: "500" },
      ],
    },
    {
      name: "Alibaba XML error: ESS InvalidAccessKeyId.NotFound with the gateway's 404 warns too",
      ...ess,
      format: "xml",
      status: 404,
      body: "<Error><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><HostId>ess.aliyuncs.com</HostId><Code>InvalidAccessKeyId.NotFound</Code><Message>m</Message></Error>",
      findings: [{ messageId: "gatewayStatus", severity: "warning", expected: "400", actual: "404" }],
    },
  ],
});

async function verdictOf(spec: ExchangeSpec, engine?: Engine) {
  const verdict = checkExchange(buildExchange(spec), engine ?? (await sharedEngine()));
  if (verdict.kind !== "checked") throw new Error(`skipped: ${verdict.reason}`);
  return {
    verdict: verdict.verdicts.get(ID),
    findings: verdict.result.findings.filter((f) => f.rule === ID),
  };
}

describe(`rule ${ID}: what it does not judge`, () => {
  const cases: Array<[string, ExchangeSpec]> = [
    [
      "Tencent documents no status per code",
      { dialect: "tencent", status: 200, body: tencentError("InternalError") },
    ],
    ["a code in no table", { ...ess, status: 418, body: alibabaError("Made.Up") }],
  ];
  for (const [name, spec] of cases) {
    it(`${name}: not applied, no finding`, async () => {
      const { verdict, findings } = await verdictOf(spec);
      expect(verdict, "verdict").to.equal(undefined);
      expect(findings).to.deep.equal([]);
    });
  }
});

describe(`rule ${ID}: gateway-level codes (schemas/code-tables/alibaba-gateway.json)`, () => {
  const essNotFound = (status: number): ExchangeSpec => ({
    ...ess,
    status,
    body: alibabaError("InvalidAccessKeyId.NotFound"),
  });

  it("ESS InvalidAccessKeyId.NotFound with the gateway's 404 passes: the rule warns, it does not fail", async () => {
    const { verdict, findings } = await verdictOf(essNotFound(404));
    expect(verdict).to.equal("warn");
    expect(findings.map((f) => f.severity)).to.deep.equal(["warning"]);
  });

  it("ESS InvalidAccessKeyId.NotFound with the documented 400 passes without a finding", async () => {
    expect(await verdictOf(essNotFound(400))).to.deep.equal({ verdict: "pass", findings: [] });
  });

  it("KMS InvalidAccessKeyId.NotFound: 404 passes, 400 fails", async () => {
    const kmsNotFound = (status: number) => verdictOf({ ...essNotFound(status), ...kms });
    expect((await kmsNotFound(404)).verdict).to.equal("pass");
    expect((await kmsNotFound(400)).verdict).to.equal("fail");
  });

  it("a configured severity still overrides the warning (rules: {status-code-table: error})", async () => {
    const strict = await createEngine({ rules: { [ID]: "error" }, hosts: [], maxDepth: 256 });
    const { verdict, findings } = await verdictOf(essNotFound(404), strict);
    expect(verdict).to.equal("fail");
    expect(findings.map((f) => f.severity)).to.deep.equal(["error"]);
  });

  describe("the data decides: without the gateway table", () => {
    let dir: string;
    let engine: Engine;
    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "code-tables-"));
      await cp(path.join(schemasDir, "code-table.schema.json"), path.join(dir, "code-table.schema.json"));
      await cp(path.join(schemasDir, "code-tables"), path.join(dir, "code-tables"), {
        recursive: true,
        filter: (source) => path.basename(source) !== "alibaba-gateway.json",
      });
      engine = { ...(await sharedEngine()), codes: await CodeTables.load(dir) };
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it("ESS InvalidAccessKeyId.NotFound with 404 is an error again, expecting only ESS's 400", async () => {
      const { verdict, findings } = await verdictOf(essNotFound(404), engine);
      expect(verdict).to.equal("fail");
      expect(findings.map((f) => [f.severity, f.expected])).to.deep.equal([["error", "400"]]);
      expect(findings.map((f) => f.messageId)).to.deep.equal(["statusNotDocumented"]);
    });
  });
});

describe("CodeTables: the gateway table", () => {
  it("is never one of a product's tables, even for a product named gateway", async () => {
    const { codes } = await sharedEngine();
    for (const product of ["kms", "ess", "gateway"]) {
      expect(codes.tablesFor("alibaba", product).map((t) => t.product)).to.not.include("gateway");
    }
  });

  it("answers gatewayLookup for its codes, in its own dialect only", async () => {
    const { codes } = await sharedEngine();
    expect(codes.gatewayLookup("alibaba", "InvalidAccessKeyId.NotFound")?.entry.status).to.equal(404);
    expect(codes.gatewayLookup("alibaba", "Forbidden.KeyNotFound")).to.equal(undefined);
    expect(codes.gatewayLookup("tencent", "InvalidAccessKeyId.NotFound")).to.equal(undefined);
  });
});
