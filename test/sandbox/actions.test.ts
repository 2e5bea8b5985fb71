import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import type { RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { errorsOf } from "./support/judge.js";
import {
  acs3Call,
  alibabaCall,
  type Exchange,
  startTestSandbox,
  tencentCall,
  zenlayerCall,
} from "./support/sandbox-calls.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UPPER_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const xml = new XMLParser({ parseTagValue: false });

async function expectConformant(exchange: Exchange): Promise<void> {
  expect(await errorsOf(exchange), exchange.text).to.deep.equal([]);
}

describe("sandbox: actions", () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: null });
  });
  after(() => sandbox.close());

  describe("Tencent cvm DescribeInstancesStatus", () => {
    it("answers TotalCount and InstanceStatusSet in Response, with the request ID in body and header", async () => {
      const call = await tencentCall(sandbox.url, { params: { Limit: 2 } });
      expect(call.status).to.equal(200);
      expect(call.headers["content-type"]).to.equal("application/json");
      const response = call.json.Response;
      expect(response.TotalCount).to.equal(3);
      expect(response.InstanceStatusSet).to.have.length(2);
      expect(response.InstanceStatusSet[0]).to.deep.equal({
        InstanceId: "ins-2zvjrq7k",
        InstanceState: "RUNNING",
      });
      expect(response.RequestId).to.match(UUID);
      expect(call.headers["x-tc-requestid"]).to.equal(response.RequestId);
      await expectConformant(call);
    });

    it("filters by InstanceIds, pages with Offset and answers an empty region with 0 and []", async () => {
      const filtered = await tencentCall(sandbox.url, { params: { InstanceIds: ["ins-9bxebleo"] } });
      expect(filtered.json.Response.TotalCount).to.equal(1);
      expect(filtered.json.Response.InstanceStatusSet[0].InstanceState).to.equal("STOPPED");
      const paged = await tencentCall(sandbox.url, { params: { Offset: 2, Limit: 5 } });
      expect(
        paged.json.Response.InstanceStatusSet.map((i: { InstanceId: string }) => i.InstanceId),
      ).to.deep.equal(["ins-r8hr2upy"]);
      const empty = await tencentCall(sandbox.url, { region: "ap-beijing" });
      expect(empty.json.Response).to.include({ TotalCount: 0 });
      expect(empty.json.Response.InstanceStatusSet).to.deep.equal([]);
      await expectConformant(empty);
    });

    it("accepts GET with the parameters in the signed query", async () => {
      const call = await tencentCall(sandbox.url, {
        method: "GET",
        query: "InstanceIds.0=ins-r8hr2upy&Limit=1",
      });
      expect(call.json.Response.TotalCount, call.text).to.equal(1);
      await expectConformant(call);
    });

    it("verifies whatever service the credential scope names (the Node SDK signs 127 for 127.0.0.1)", async () => {
      const call = await tencentCall(sandbox.url, { service: "127" });
      expect(call.json.Response.Error, call.text).to.equal(undefined);
    });
  });

  describe("Alibaba KMS", () => {
    const params = {
      KeyId: "key-hzz630494463ejqjx0001",
      Plaintext: "hello sandbox",
      RegionId: "cn-hangzhou",
    };

    it("Encrypt answers a Base64 CiphertextBlob, the KeyId and the KeyVersionId", async () => {
      const call = await alibabaCall(sandbox.url, { action: "Encrypt", params });
      expect(call.status).to.equal(200);
      expect(call.headers["content-type"]).to.equal("application/json;charset=utf-8");
      expect(call.json).to.include({ KeyId: params.KeyId });
      expect(Buffer.from(call.json.CiphertextBlob, "base64").toString("base64")).to.equal(
        call.json.CiphertextBlob,
      );
      expect(call.json.KeyVersionId).to.match(UUID);
      expect(call.json.RequestId).to.match(UUID);
      expect(call.headers["x-acs-request-id"]).to.equal(call.json.RequestId);
      await expectConformant(call);
    });

    it("Encrypt is deterministic, so its JSON and XML answers carry the same data", async () => {
      const json = await alibabaCall(sandbox.url, { action: "Encrypt", params });
      const asXml = await alibabaCall(sandbox.url, { action: "Encrypt", params, format: "xml" });
      expect(asXml.headers["content-type"]).to.equal("text/xml;charset=utf-8");
      expect(asXml.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<KMS>')).to.equal(true);
      const { RequestId: jsonId, ...jsonData } = json.json;
      const { RequestId: xmlId, ...xmlData } = xml.parse(asXml.text).KMS;
      expect(xmlData).to.deep.equal(jsonData);
      expect(xmlId).to.equal(asXml.headers["x-acs-request-id"]);
      expect(xmlId).to.not.equal(jsonId);
      await expectConformant(asXml);
    });

    it("Encrypt through an alias answers the key the alias names", async () => {
      const call = await alibabaCall(sandbox.url, {
        action: "Encrypt",
        params: { KeyId: "alias/sandbox", Plaintext: "x" },
      });
      expect(call.json.KeyId).to.match(/^key-[a-z0-9]{20}$/);
    });

    it("Encrypt with a KeyId of no KMS shape is Forbidden.KeyNotFound, 404", async () => {
      const call = await alibabaCall(sandbox.url, {
        action: "Encrypt",
        params: { KeyId: "key-missing", Plaintext: "x" },
      });
      expect(call.status).to.equal(404);
      expect(call.json).to.include({
        Code: "Forbidden.KeyNotFound",
        HttpStatus: 404,
        HostId: "kms.cn-hangzhou.aliyuncs.com",
      });
      await expectConformant(call);
    });

    it("DescribeRegions lists the four regions, in JSON and under <KMS> in XML", async () => {
      const call = await alibabaCall(sandbox.url, { action: "DescribeRegions" });
      expect(call.json.Regions.Region.map((r: { RegionId: string }) => r.RegionId)).to.deep.equal([
        "cn-hangzhou",
        "cn-shanghai",
        "cn-beijing",
        "ap-southeast-1",
      ]);
      await expectConformant(call);
      const asXml = await alibabaCall(sandbox.url, { action: "DescribeRegions", format: "Xml" });
      expect(xml.parse(asXml.text).KMS.Regions.Region).to.have.length(4);
      await expectConformant(asXml);
    });

    it("answers a form-encoded POST as pop-core sends it", async () => {
      const call = await alibabaCall(sandbox.url, { action: "DescribeRegions", form: true });
      expect(call.status, call.text).to.equal(200);
      await expectConformant(call);
    });
  });

  describe("Alibaba ESS", () => {
    it("DescribeScalingGroups pages the region's groups, upper-case request IDs", async () => {
      const call = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params: { RegionId: "cn-hangzhou", PageSize: "1" },
      });
      expect(call.json).to.include({ TotalCount: 2, PageNumber: 1, PageSize: 1 });
      expect(call.json.ScalingGroups.ScalingGroup).to.have.length(1);
      expect(call.json.RequestId).to.match(UPPER_UUID);
      await expectConformant(call);
    });

    it("answers XML under <DescribeScalingGroupsResponse>, the same data as JSON", async () => {
      const params = { RegionId: "cn-shanghai" };
      const json = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params,
      });
      const asXml = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params,
        format: "XML",
      });
      const root = xml.parse(asXml.text).DescribeScalingGroupsResponse;
      expect(root.TotalCount).to.equal(String(json.json.TotalCount));
      expect(root.ScalingGroups.ScalingGroup.ScalingGroupId).to.equal(
        json.json.ScalingGroups.ScalingGroup[0].ScalingGroupId,
      );
      await expectConformant(asXml);
    });

    it("an empty page is an empty ScalingGroup list (JSON []) and an empty wrapper (XML)", async () => {
      const params = { RegionId: "ap-southeast-1" };
      const json = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params,
      });
      expect(json.json.ScalingGroups).to.deep.equal({ ScalingGroup: [] });
      await expectConformant(json);
      const asXml = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params,
        format: "XML",
      });
      expect(asXml.text).to.contain("<ScalingGroups></ScalingGroups>");
      await expectConformant(asXml);
    });

    it("CreateScalingGroup keeps the group, DescribeScalingGroups lists it, DeleteScalingGroup removes it", async () => {
      const params = { RegionId: "cn-beijing", MinSize: "1", MaxSize: "3", ScalingGroupName: "sandbox-test" };
      const created = await alibabaCall(sandbox.url, {
        action: "CreateScalingGroup",
        product: "ess",
        params,
      });
      expect(created.status, created.text).to.equal(200);
      const id = created.json.ScalingGroupId as string;
      expect(id).to.match(/^asg-2ze[a-z0-9]{17}$/);
      await expectConformant(created);

      const again = await alibabaCall(sandbox.url, {
        action: "CreateScalingGroup",
        product: "ess",
        params,
        format: "XML",
      });
      expect(
        xml.parse(again.text).CreateScalingGroupResponse.ScalingGroupId,
        "same call, same group",
      ).to.equal(id);
      await expectConformant(again);

      const listed = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params: { RegionId: "cn-beijing" },
      });
      expect(listed.json.TotalCount).to.equal(1);
      expect(listed.json.ScalingGroups.ScalingGroup[0]).to.include({
        ScalingGroupId: id,
        ScalingGroupName: "sandbox-test",
        LifecycleState: "Inactive",
        MinSize: 1,
        MaxSize: 3,
      });
      await expectConformant(listed);

      const deleted = await alibabaCall(sandbox.url, {
        action: "DeleteScalingGroup",
        product: "ess",
        params: { ScalingGroupId: id },
        format: "XML",
      });
      expect(deleted.status).to.equal(200);
      expect(deleted.text).to.match(
        /^<\?xml[^>]*>\n<DeleteScalingGroupResponse><RequestId>[0-9A-F-]{36}<\/RequestId><\/DeleteScalingGroupResponse>$/,
      );
      await expectConformant(deleted);
      const deletedAgain = await alibabaCall(sandbox.url, {
        action: "DeleteScalingGroup",
        product: "ess",
        params: { ScalingGroupId: id },
      });
      expect(deletedAgain.status, "the same delete as JSON succeeds too").to.equal(200);

      const after = await alibabaCall(sandbox.url, {
        action: "DescribeScalingGroups",
        product: "ess",
        params: { RegionId: "cn-beijing" },
      });
      expect(after.json.TotalCount).to.equal(0);
    });

    it("DeleteScalingGroup of a group that never existed is InvalidParameter, 400, with HostId", async () => {
      const call = await alibabaCall(sandbox.url, {
        action: "DeleteScalingGroup",
        product: "ess",
        params: { ScalingGroupId: "asg-doesnotexist0000000" },
      });
      expect(call.status).to.equal(400);
      expect(call.json).to.include({ Code: "InvalidParameter", HostId: "ess.aliyuncs.com" });
      expect(call.json.Message).to.contain("ScalingGroupId");
      await expectConformant(call);
    });

    it("answers ACS3-HMAC-SHA256 calls (x-acs-* headers, parameters in the query) as openapi-client sends them", async () => {
      const call = await acs3Call(sandbox.url, {
        action: "DescribeScalingGroups",
        query: { RegionId: "cn-hangzhou" },
      });
      expect(call.status, call.text).to.equal(200);
      expect(call.json.TotalCount).to.equal(2);
      await expectConformant(call);
      const asXml = await acs3Call(sandbox.url, {
        action: "DescribeScalingGroups",
        query: { RegionId: "cn-hangzhou", Format: "XML" },
      });
      expect(asXml.text).to.contain("<DescribeScalingGroupsResponse>");
      await expectConformant(asXml);
    });

    it("tells the product by the Host label kms/ess before the Version", async () => {
      const { request } = await import("node:http");
      const url = new URL(sandbox.url);
      const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        // An ESS version sent to a "kms" host is KMS's NoSuchVersion, with KMS's HttpStatus.
        const query = new URLSearchParams({
          Action: "DescribeRegions",
          Version: "2014-08-28",
          AccessKeyId: "nobody",
          SignatureMethod: "HMAC-SHA1",
        });
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: `/?${query}`,
            headers: { Host: "kms.cn-hangzhou.aliyuncs.com" },
          },
          (res) => {
            let text = "";
            res.on("data", (chunk) => {
              text += chunk;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(body.status).to.equal(404);
      expect(JSON.parse(body.text)).to.include({ Code: "InvalidAccessKeyId.NotFound", HttpStatus: 404 });
    });
  });

  describe("Zenlayer bmc", () => {
    it("DescribeInstances answers totalCount and dataSet, inner and outer request IDs equal", async () => {
      const call = await zenlayerCall(sandbox.url, { params: { pageSize: 10, pageNum: 1, zoneId: "HKG-A" } });
      expect(call.status).to.equal(200);
      expect(call.headers["content-type"]).to.equal("application/json");
      expect(call.json.requestId).to.match(/^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
      expect(call.json.response.requestId).to.equal(call.json.requestId);
      expect(call.json.response.totalCount).to.equal(1);
      expect(call.json.response.dataSet[0]).to.include({ zoneId: "HKG-A", instanceStatus: "RUNNING" });
      await expectConformant(call);
      const all = await zenlayerCall(sandbox.url, { params: {} });
      expect(all.json.response.totalCount).to.equal(3);
      await expectConformant(all);
    });

    it("CreateInstances answers instanceIdSet and orderNumber", async () => {
      const call = await zenlayerCall(sandbox.url, {
        action: "CreateInstances",
        params: { zoneId: "SEL-A", instanceTypeId: "M6C", imageId: "img-1", amount: 2 },
      });
      expect(call.status, call.text).to.equal(200);
      expect(call.json.response.instanceIdSet).to.have.length(2);
      expect(call.json.response.orderNumber).to.match(/^\d+$/);
      await expectConformant(call);
    });
  });
});
