import { expect } from "chai";
import { DEFECTS, type DefectName } from "../../src/sandbox/defects.js";
import type { RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { errorsOf, rulesTripped } from "./support/judge.js";
import {
  alibabaCall,
  type Exchange,
  startTestSandbox,
  tencentCall,
  zenlayerCall,
} from "./support/sandbox-calls.js";

/** Calls whose codes are all in the code tables, so that a clean sandbox draws no finding at all. */
const CALLS = {
  tencentSuccess: (u: string) => tencentCall(u, { params: { Limit: 1 } }),
  tencentError: (u: string) => tencentCall(u, { secretKey: "wrong" }),
  kmsSuccess: (u: string) => alibabaCall(u, { action: "DescribeRegions" }),
  kmsSuccessXml: (u: string) => alibabaCall(u, { action: "DescribeRegions", format: "XML" }),
  kmsError: (u: string) => alibabaCall(u, { action: "DescribeRegions", accessKeyId: "LTAInobody" }),
  kmsErrorXml: (u: string) =>
    alibabaCall(u, { action: "DescribeRegions", accessKeyId: "LTAInobody", format: "XML" }),
  essSuccess: (u: string) =>
    alibabaCall(u, { action: "DescribeScalingGroups", product: "ess", params: { RegionId: "cn-hangzhou" } }),
  essSuccessXml: (u: string) =>
    alibabaCall(u, {
      action: "DescribeScalingGroups",
      product: "ess",
      params: { RegionId: "cn-hangzhou" },
      format: "XML",
    }),
  essError: (u: string) =>
    alibabaCall(u, {
      action: "DescribeScalingGroups",
      product: "ess",
      params: { RegionId: "cn-hangzhou" },
      secret: "wrong",
    }),
  essErrorXml: (u: string) =>
    alibabaCall(u, {
      action: "DescribeScalingGroups",
      product: "ess",
      params: { RegionId: "cn-hangzhou" },
      secret: "wrong",
      format: "XML",
    }),
  zenlayerSuccess: (u: string) => zenlayerCall(u, { params: { pageSize: 10, pageNum: 1 } }),
  zenlayerError: (u: string) => zenlayerCall(u, { action: "CreateInstances", params: { zoneId: "SEL--A" } }),
} satisfies Record<string, (url: string) => Promise<Exchange>>;

type CallName = keyof typeof CALLS;

interface DefectCase {
  /** Calls whose answers must trip the defect's rule, and no other. */
  trips: CallName[];
  /** What the raw answers show. */
  raw: (answers: Record<CallName, Exchange>) => void;
}

const CASES: Record<DefectName, DefectCase | undefined> = {
  "missing-message": {
    trips: ["tencentError", "kmsError", "kmsErrorXml", "essError", "essErrorXml", "zenlayerError"],
    raw: (a) => {
      expect(a.tencentError.json.Response.Error).to.have.keys(["Code"]);
      expect(a.essError.json).to.not.have.property("Message");
      expect(a.essErrorXml.text).to.not.contain("<Message>");
      expect(a.zenlayerError.json).to.have.keys(["requestId", "code"]);
    },
  },
  "missing-request-id": {
    trips: [
      "tencentSuccess",
      "tencentError",
      "kmsSuccess",
      "essSuccessXml",
      "essError",
      "zenlayerSuccess",
      "zenlayerError",
    ],
    raw: (a) => {
      expect(a.tencentSuccess.json.Response).to.not.have.property("RequestId");
      expect(a.tencentSuccess.headers).to.not.have.property("x-tc-requestid");
      expect(a.essSuccessXml.text).to.not.contain("<RequestId>");
      expect(a.essError.headers).to.not.have.property("x-acs-request-id");
      expect(a.zenlayerSuccess.json).to.not.have.property("requestId");
      expect(a.zenlayerSuccess.json.response).to.not.have.property("requestId");
    },
  },
  "wrong-status-for-code": {
    trips: ["kmsError", "kmsErrorXml", "essError", "essErrorXml"],
    raw: (a) => {
      expect([a.kmsError.status, a.kmsError.json.Code, a.kmsError.json.HttpStatus]).to.deep.equal([
        400,
        "InvalidAccessKeyId.NotFound",
        400,
      ]);
      expect([a.essError.status, a.essError.json.Code]).to.deep.equal([400, "SignatureDoesNotMatch"]);
      expect(a.zenlayerError.status, "Zenlayer's table documents only a class").to.equal(400);
      expect(a.tencentError.status).to.equal(200);
    },
  },
  "tencent-error-4xx": {
    trips: ["tencentError"],
    raw: (a) => {
      expect(a.tencentError.status).to.equal(400);
      expect(a.tencentError.json.Response.Error.Code).to.equal("AuthFailure.SignatureFailure");
      expect(a.tencentSuccess.status).to.equal(200);
    },
  },
  "kms-httpstatus-mismatch": {
    trips: ["kmsError", "kmsErrorXml"],
    raw: (a) => {
      expect(a.kmsError.status).to.equal(404);
      expect(a.kmsError.json.HttpStatus).to.equal(400);
      expect(a.kmsErrorXml.text).to.contain("<HttpStatus>400</HttpStatus>");
    },
  },
  "zenlayer-request-id-mismatch": {
    trips: ["zenlayerSuccess"],
    raw: (a) => {
      expect(a.zenlayerSuccess.json.response.requestId).to.match(/^T[0-9A-F-]{36}$/);
      expect(a.zenlayerSuccess.json.response.requestId).to.not.equal(a.zenlayerSuccess.json.requestId);
    },
  },
  "wrong-content-type": {
    trips: ["tencentSuccess", "kmsErrorXml", "essSuccess", "zenlayerError"],
    raw: (a) => {
      for (const answer of Object.values(a))
        expect(answer.headers["content-type"]).to.equal("text/html;charset=utf-8");
    },
  },
  "wrong-xml-root": {
    trips: ["kmsSuccessXml", "kmsErrorXml", "essSuccessXml", "essErrorXml"],
    raw: (a) => {
      expect(a.essSuccessXml.text).to.match(/^<\?xml[^>]*>\n<Response>/);
      expect(a.essErrorXml.text).to.match(/^<\?xml[^>]*>\n<Response>/);
      expect(a.kmsSuccessXml.text).to.match(/^<\?xml[^>]*>\n<Response>/);
      expect(a.essSuccess.json.TotalCount, "JSON untouched").to.equal(2);
    },
  },
  "json-xml-disagree": {
    trips: [],
    raw: (a) => {
      expect(a.essSuccess.json.TotalCount).to.equal(2);
      expect(a.essSuccessXml.text).to.contain("<TotalCount>3</TotalCount>");
      expect(a.kmsSuccessXml.text, "KMS DescribeRegions has no TotalCount: a member is marked").to.contain(
        "<XmlOnly>",
      );
    },
  },
  "probe-wrong-code": {
    trips: [],
    raw: (a) => {
      expect([a.tencentError.status, a.tencentError.json.Response.Error.Code]).to.deep.equal([
        200,
        "InvalidParameter",
      ]);
      expect([a.essError.status, a.essError.json.Code]).to.deep.equal([400, "InvalidParameter"]);
      expect(a.kmsError.json.Code, "other probes keep their code").to.equal("InvalidAccessKeyId.NotFound");
    },
  },
  "missing-host-id": {
    trips: ["essError", "essErrorXml", "kmsError"],
    raw: (a) => {
      expect(a.essError.json).to.not.have.property("HostId");
      expect(a.kmsErrorXml.text).to.not.contain("<HostId>");
    },
  },
  "malformed-request-id": {
    trips: ["tencentSuccess", "essSuccess", "kmsError", "zenlayerSuccess", "zenlayerError"],
    raw: (a) => {
      expect(a.tencentSuccess.json.Response.RequestId).to.match(/^[0-9a-f]{32}$/);
      expect(a.tencentSuccess.headers["x-tc-requestid"]).to.equal(a.tencentSuccess.json.Response.RequestId);
      expect(a.essSuccess.json.RequestId).to.match(/^[0-9A-F]{32}$/);
      expect(a.zenlayerSuccess.json.requestId).to.match(/^[0-9A-F]{8}-/);
    },
  },
  "count-as-string": {
    trips: ["tencentSuccess", "essSuccess", "zenlayerSuccess"],
    raw: (a) => {
      expect(a.tencentSuccess.json.Response.TotalCount).to.equal("3");
      expect(a.essSuccess.json).to.include({ TotalCount: "2", PageNumber: "1", PageSize: "10" });
      expect(a.zenlayerSuccess.json.response.totalCount).to.equal("3");
    },
  },
  "truncated-body": {
    trips: ["tencentSuccess", "kmsErrorXml", "essSuccess", "zenlayerError"],
    raw: (a) => {
      expect(a.tencentSuccess.json).to.equal(undefined);
    },
  },
};

async function callAll(url: string): Promise<Record<CallName, Exchange>> {
  const answers = {} as Record<CallName, Exchange>;
  for (const name of Object.keys(CALLS) as CallName[]) answers[name] = await CALLS[name](url);
  return answers;
}

describe("sandbox: defects", () => {
  it("without defects, every one of these answers is free of findings", async () => {
    const sandbox = await startTestSandbox({ rateLimit: null });
    try {
      const answers = await callAll(sandbox.url);
      for (const [name, answer] of Object.entries(answers)) {
        expect(await rulesTripped(answer), `${name}: ${answer.text}`).to.deep.equal([]);
      }
    } finally {
      await sandbox.close();
    }
  });

  for (const { name, rule } of DEFECTS) {
    describe(`--defect ${name}`, () => {
      let sandbox: RunningSandbox;
      let answers: Record<CallName, Exchange>;
      before(async () => {
        sandbox = await startTestSandbox({ rateLimit: null, defects: [name] });
        answers = await callAll(sandbox.url);
      });
      after(() => sandbox.close());

      const defectCase = CASES[name];
      it("has a test case", () => {
        expect(defectCase, name).to.not.equal(undefined);
      });
      if (!defectCase) return;

      it("visibly breaks the answers", () => {
        defectCase.raw(answers);
      });

      if (defectCase.trips.length > 0) {
        it(`trips ${rule}, and only it`, async () => {
          for (const call of defectCase.trips) {
            const answer = answers[call];
            expect(await rulesTripped(answer), `${call}: ${answer.status} ${answer.text}`).to.deep.equal([
              rule,
            ]);
          }
        });
      } else {
        it(`leaves each single answer conformant (${rule} judges pairs or probes)`, async () => {
          for (const [call, answer] of Object.entries(answers)) {
            expect(await errorsOf(answer), call).to.deep.equal([]);
          }
        });
      }
    });
  }

  it("several defects at once", async () => {
    const sandbox = await startTestSandbox({
      rateLimit: null,
      defects: ["tencent-error-4xx", "missing-message"],
    });
    try {
      const answer = await CALLS.tencentError(sandbox.url);
      expect(answer.status).to.equal(400);
      expect(answer.json.Response.Error).to.have.keys(["Code"]);
    } finally {
      await sandbox.close();
    }
  });
});
