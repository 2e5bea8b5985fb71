import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import type { RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { errorsOf } from "./support/judge.js";
import {
  acs3Call,
  alibabaCall,
  type Exchange,
  isoTimestamp,
  nowSeconds,
  startTestSandbox,
  tencentCall,
  zenlayerCall,
} from "./support/sandbox-calls.js";

const xml = new XMLParser({ parseTagValue: false });
const HOUR_AGO = () => nowSeconds() - 3600;
const hourAgoIso = () => isoTimestamp(new Date(Date.now() - 3600_000));

interface Probe {
  name: string;
  call: (url: string) => Promise<Exchange>;
  code: string;
  status: number;
}

/** The code and status of an error answer, whatever the dialect. */
function codeOf(exchange: Exchange): string | undefined {
  const body = exchange.json;
  return body?.Response?.Error?.Code ?? body?.Code ?? body?.code;
}

function probeTable(title: string, probes: Probe[], sandbox: () => RunningSandbox): void {
  describe(title, () => {
    for (const probe of probes) {
      it(`${probe.name} → ${probe.code} ${probe.status}`, async () => {
        const answer = await probe.call(sandbox().url);
        expect({ code: codeOf(answer), status: answer.status }, answer.text).to.deep.equal({
          code: probe.code,
          status: probe.status,
        });
        expect(await errorsOf(answer), "the error envelope itself is conformant").to.deep.equal([]);
      });
    }
  });
}

describe("sandbox: probes draw their documented code and status", () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: null });
  });
  after(() => sandbox.close());
  const current = () => sandbox;

  probeTable(
    "Tencent (HTTP 200 always)",
    [
      {
        name: "bad signature",
        call: (u) => tencentCall(u, { secretKey: "wrong" }),
        code: "AuthFailure.SignatureFailure",
        status: 200,
      },
      {
        name: "unknown key id",
        call: (u) => tencentCall(u, { secretId: "AKIDunknownunknownunknown000000000000" }),
        code: "AuthFailure.SecretIdNotFound",
        status: 200,
      },
      {
        name: "expired timestamp",
        call: (u) => tencentCall(u, { timestamp: HOUR_AGO() }),
        code: "AuthFailure.SignatureExpire",
        status: 200,
      },
      {
        name: "unknown action",
        call: (u) => tencentCall(u, { action: "DescribeNothing" }),
        code: "InvalidAction",
        status: 200,
      },
      {
        name: "unsupported version",
        call: (u) => tencentCall(u, { version: "1999-01-01" }),
        code: "NoSuchVersion",
        status: 200,
      },
      {
        name: "missing parameter (no X-TC-Region)",
        call: (u) => tencentCall(u, { region: null }),
        code: "MissingParameter",
        status: 200,
      },
      {
        name: "unknown parameter",
        call: (u) => tencentCall(u, { params: { Bogus: 1 } }),
        code: "UnknownParameter",
        status: 200,
      },
      {
        name: "wrong parameter type",
        call: (u) => tencentCall(u, { params: { Limit: "ten" } }),
        code: "InvalidParameterValue",
        status: 200,
      },
      {
        name: "PUT",
        call: (u) => tencentCall(u, { method: "PUT" }),
        code: "UnsupportedProtocol",
        status: 200,
      },
      {
        name: "DELETE",
        call: (u) => tencentCall(u, { method: "DELETE" }),
        code: "UnsupportedProtocol",
        status: 200,
      },
      {
        name: "unknown region",
        call: (u) => tencentCall(u, { region: "xx-nowhere-1" }),
        code: "UnsupportedRegion",
        status: 200,
      },
      {
        name: "DryRun",
        call: (u) => tencentCall(u, { params: { DryRun: true } }),
        code: "DryRunOperation",
        status: 200,
      },
      {
        name: "no Authorization",
        call: (u) => tencentCall(u, { headers: { Authorization: null } }),
        code: "AuthFailure.InvalidAuthorization",
        status: 200,
      },
    ],
    current,
  );

  const kms = (action: string, params: Record<string, string> = {}) => ({
    action,
    params,
    product: "kms" as const,
  });
  const ess = (action: string, params: Record<string, string> = { RegionId: "cn-hangzhou" }) => ({
    action,
    params,
    product: "ess" as const,
  });
  const encrypt = kms("Encrypt", { KeyId: "key-hzz630494463ejqjx0001", Plaintext: "x" });
  const describe_ = ess("DescribeScalingGroups");

  probeTable(
    "Alibaba KMS",
    [
      {
        name: "bad signature",
        call: (u) => alibabaCall(u, { ...encrypt, secret: "wrong" }),
        code: "IncompleteSignature",
        status: 400,
      },
      {
        name: "unknown key id",
        call: (u) => alibabaCall(u, { ...encrypt, accessKeyId: "LTAIunknown" }),
        code: "InvalidAccessKeyId.NotFound",
        status: 404,
      },
      {
        name: "expired timestamp",
        call: (u) => alibabaCall(u, { ...encrypt, timestamp: hourAgoIso() }),
        code: "IllegalTimestamp",
        status: 400,
      },
      {
        name: "no Timestamp",
        call: (u) => alibabaCall(u, { ...encrypt, omit: ["Timestamp"] }),
        code: "IllegalTimestamp",
        status: 400,
      },
      {
        name: "unknown action",
        call: (u) => alibabaCall(u, kms("Decrypt2")),
        code: "UnsupportedOperation",
        status: 400,
      },
      {
        name: "missing parameter (Encrypt without KeyId)",
        call: (u) => alibabaCall(u, kms("Encrypt", { Plaintext: "x" })),
        code: "MissingParameter",
        status: 400,
      },
      {
        name: "unknown parameter",
        call: (u) => alibabaCall(u, kms("DescribeRegions", { Bogus: "1" })),
        code: "InvalidParameter",
        status: 400,
      },
      {
        name: "PUT",
        call: (u) => alibabaCall(u, { ...encrypt, method: "PUT" }),
        code: "UnsupportedHTTPMethod",
        status: 403,
      },
      {
        name: "unknown region",
        call: (u) => alibabaCall(u, kms("DescribeRegions", { RegionId: "xx-nowhere-1" })),
        code: "ResourceNotAvailable",
        status: 400,
      },
    ],
    current,
  );

  probeTable(
    "Alibaba ESS",
    [
      {
        name: "bad signature",
        call: (u) => alibabaCall(u, { ...describe_, secret: "wrong" }),
        code: "SignatureDoesNotMatch",
        status: 403,
      },
      {
        name: "bad signature (form POST)",
        call: (u) => alibabaCall(u, { ...describe_, secret: "wrong", form: true }),
        code: "SignatureDoesNotMatch",
        status: 403,
      },
      {
        name: "unknown key id",
        call: (u) => alibabaCall(u, { ...describe_, accessKeyId: "LTAIunknown" }),
        code: "InvalidAccessKeyId.NotFound",
        status: 400,
      },
      {
        name: "expired timestamp",
        call: (u) => alibabaCall(u, { ...describe_, timestamp: hourAgoIso() }),
        code: "IllegalTimestamp",
        status: 400,
      },
      {
        name: "unknown action",
        call: (u) => alibabaCall(u, ess("DescribeNothing")),
        code: "UnsupportedOperation",
        status: 400,
      },
      {
        name: "unsupported version (bare address: answered as ESS)",
        call: (u) => alibabaCall(u, { ...describe_, version: "1999-01-01" }),
        code: "NoSuchVersion",
        status: 400,
      },
      {
        name: "missing parameter (CreateScalingGroup without MaxSize)",
        call: (u) => alibabaCall(u, ess("CreateScalingGroup", { RegionId: "cn-hangzhou", MinSize: "1" })),
        code: "MissingParameter",
        status: 400,
      },
      {
        name: "unknown parameter",
        call: (u) => alibabaCall(u, ess("DescribeScalingGroups", { RegionId: "cn-hangzhou", Bogus: "1" })),
        code: "InvalidParameter",
        status: 400,
      },
      {
        name: "DELETE",
        call: (u) => alibabaCall(u, { ...describe_, method: "DELETE" }),
        code: "UnsupportedHTTPMethod",
        status: 403,
      },
      {
        name: "unknown region",
        call: (u) => alibabaCall(u, ess("DescribeScalingGroups", { RegionId: "xx-nowhere-1" })),
        code: "ResourceNotAvailable",
        status: 400,
      },
      {
        name: "ACS3 bad signature",
        call: (u) =>
          acs3Call(u, {
            action: "DescribeScalingGroups",
            query: { RegionId: "cn-hangzhou" },
            secret: "wrong",
          }),
        code: "SignatureDoesNotMatch",
        status: 403,
      },
      {
        name: "ACS3 body that is not the signed one",
        call: (u) =>
          acs3Call(u, {
            action: "DescribeScalingGroups",
            query: { RegionId: "cn-hangzhou" },
            tamperedBody: "x=1",
          }),
        code: "SignatureDoesNotMatch",
        status: 403,
      },
      {
        name: "ACS3 unknown key id",
        call: (u) =>
          acs3Call(u, {
            action: "DescribeScalingGroups",
            query: { RegionId: "cn-hangzhou" },
            accessKeyId: "LTAIunknown",
          }),
        code: "InvalidAccessKeyId.NotFound",
        status: 400,
      },
      {
        name: "ACS3 expired x-acs-date",
        call: (u) =>
          acs3Call(u, {
            action: "DescribeScalingGroups",
            query: { RegionId: "cn-hangzhou" },
            date: hourAgoIso(),
          }),
        code: "IllegalTimestamp",
        status: 400,
      },
    ],
    current,
  );

  probeTable(
    "Zenlayer",
    [
      {
        name: "bad signature",
        call: (u) => zenlayerCall(u, { password: "wrong" }),
        code: "SIGNATURE_VERIFICATION_FAILED",
        status: 401,
      },
      {
        name: "unknown key id",
        call: (u) => zenlayerCall(u, { accessKeyId: "ZLunknown" }),
        code: "ACCESS_KEY_NOT_FOUND",
        status: 401,
      },
      {
        name: "expired timestamp",
        call: (u) => zenlayerCall(u, { timestamp: HOUR_AGO() }),
        code: "REQUEST_EXPIRED",
        status: 401,
      },
      {
        name: "unknown action",
        call: (u) => zenlayerCall(u, { action: "DescribeNothing" }),
        code: "INVALID_ACTION",
        status: 400,
      },
      {
        name: "unsupported version",
        call: (u) => zenlayerCall(u, { version: "1999-01-01" }),
        code: "INVALID_VERSION",
        status: 400,
      },
      {
        name: "missing parameter (CreateInstances without zoneId)",
        call: (u) => zenlayerCall(u, { action: "CreateInstances", params: { instanceTypeId: "M6C" } }),
        code: "MISSING_PARAMETER",
        status: 400,
      },
      {
        name: "unknown parameter",
        call: (u) => zenlayerCall(u, { params: { bogus: 1 } }),
        code: "INVALID_PARAMETER",
        status: 400,
      },
      {
        name: "PUT",
        call: (u) => zenlayerCall(u, { method: "PUT" }),
        code: "METHOD_NOT_ALLOWED",
        status: 405,
      },
      {
        name: "GET",
        call: (u) => zenlayerCall(u, { method: "GET" }),
        code: "METHOD_NOT_ALLOWED",
        status: 405,
      },
      {
        name: "unknown zone (seed 000's SEL--A)",
        call: (u) => zenlayerCall(u, { action: "CreateInstances", params: { zoneId: "SEL--A" } }),
        code: "INVALID_ZONE_NOT_FOUND",
        status: 400,
      },
      {
        name: "a service other than bmc",
        call: (u) => zenlayerCall(u, { path: "/api/v2/vm" }),
        code: "INVALID_ACTION",
        status: 400,
      },
    ],
    current,
  );

  describe("Alibaba errors in XML", () => {
    it("ESS: root <Error> with RequestId, HostId, Code, Message", async () => {
      const answer = await alibabaCall(sandbox.url, { ...describe_, secret: "wrong", format: "XML" });
      expect(answer.status).to.equal(403);
      expect(answer.headers["content-type"]).to.equal("text/xml;charset=utf-8");
      const error = xml.parse(answer.text).Error;
      expect(error).to.include({ HostId: "ess.aliyuncs.com", Code: "SignatureDoesNotMatch" });
      expect(error.RequestId).to.equal(answer.headers["x-acs-request-id"]);
      expect(error.Message).to.be.a("string").and.not.empty;
      expect(await errorsOf(answer)).to.deep.equal([]);
    });

    it("KMS: root <KMS> with HttpStatus as text equal to the status", async () => {
      const answer = await alibabaCall(sandbox.url, {
        ...encrypt,
        accessKeyId: "LTAIunknown",
        format: "xml",
      });
      expect(answer.status).to.equal(404);
      const error = xml.parse(answer.text).KMS;
      expect(error).to.include({
        HttpStatus: "404",
        Code: "InvalidAccessKeyId.NotFound",
        HostId: "kms.cn-hangzhou.aliyuncs.com",
      });
      expect(await errorsOf(answer)).to.deep.equal([]);
    });

    it("KMS JSON errors carry HttpStatus as a number and the HostId of the request's region", async () => {
      const answer = await alibabaCall(sandbox.url, {
        action: "Encrypt",
        product: "kms",
        params: { RegionId: "cn-shanghai", KeyId: "key-hzz630494463ejqjx0001", Plaintext: "x" },
        secret: "wrong",
      });
      expect(answer.json).to.include({ HttpStatus: 400, HostId: "kms.cn-shanghai.aliyuncs.com" });
    });
  });

  describe("order of checks: method, key, timestamp, signature, version, action, parameters, region", () => {
    const order: Probe[] = [
      {
        name: "Tencent PUT with an unknown key",
        call: (u) => tencentCall(u, { method: "PUT", secretId: "AKIDnobody" }),
        code: "UnsupportedProtocol",
        status: 200,
      },
      {
        name: "Tencent unknown key, expired, bad signature",
        call: (u) => tencentCall(u, { secretId: "AKIDnobody", timestamp: HOUR_AGO(), secretKey: "wrong" }),
        code: "AuthFailure.SecretIdNotFound",
        status: 200,
      },
      {
        name: "Tencent expired and bad signature",
        call: (u) => tencentCall(u, { timestamp: HOUR_AGO(), secretKey: "wrong" }),
        code: "AuthFailure.SignatureExpire",
        status: 200,
      },
      {
        name: "Tencent bad signature and unknown version",
        call: (u) => tencentCall(u, { secretKey: "wrong", version: "1999-01-01" }),
        code: "AuthFailure.SignatureFailure",
        status: 200,
      },
      {
        name: "Tencent unknown version and unknown action",
        call: (u) => tencentCall(u, { version: "1999-01-01", action: "Nothing" }),
        code: "NoSuchVersion",
        status: 200,
      },
      {
        name: "Tencent unknown action and unknown parameter",
        call: (u) => tencentCall(u, { action: "Nothing", params: { Bogus: 1 } }),
        code: "InvalidAction",
        status: 200,
      },
      {
        name: "Tencent unknown parameter and unknown region",
        call: (u) => tencentCall(u, { params: { Bogus: 1 }, region: "xx-nowhere-1" }),
        code: "UnknownParameter",
        status: 200,
      },
      {
        name: "Tencent unknown region and DryRun",
        call: (u) => tencentCall(u, { params: { DryRun: true }, region: "xx-nowhere-1" }),
        code: "UnsupportedRegion",
        status: 200,
      },
      {
        name: "ESS unknown key and bad signature",
        call: (u) => alibabaCall(u, { ...describe_, accessKeyId: "LTAInobody", secret: "wrong" }),
        code: "InvalidAccessKeyId.NotFound",
        status: 400,
      },
      {
        name: "ESS unknown action and unknown region",
        call: (u) => alibabaCall(u, ess("DescribeNothing", { RegionId: "xx-nowhere-1" })),
        code: "UnsupportedOperation",
        status: 400,
      },
      {
        name: "Zenlayer bad signature and unknown zone",
        call: (u) =>
          zenlayerCall(u, { password: "wrong", action: "CreateInstances", params: { zoneId: "SEL--A" } }),
        code: "SIGNATURE_VERIFICATION_FAILED",
        status: 401,
      },
      {
        name: "Zenlayer unknown parameter and unknown zone",
        call: (u) => zenlayerCall(u, { action: "CreateInstances", params: { zoneId: "SEL--A", bogus: 1 } }),
        code: "INVALID_PARAMETER",
        status: 400,
      },
    ];
    for (const probe of order) {
      it(`${probe.name} → ${probe.code}`, async () => {
        const answer = await probe.call(sandbox.url);
        expect({ code: codeOf(answer), status: answer.status }, answer.text).to.deep.equal({
          code: probe.code,
          status: probe.status,
        });
      });
    }
  });
});
