import RPCClient from "@alicloud/pop-core";
import { expect } from "chai";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What pop-core throws: an Error named CODE + "Error" with the code and the parsed body. */
interface PopCoreError extends Error {
  code: string;
  data: Record<string, unknown>;
}

async function rejection(promise: Promise<unknown>): Promise<PopCoreError> {
  try {
    await promise;
  } catch (error) {
    return error as PopCoreError;
  }
  throw new Error("the call succeeded");
}

describe("official client: @alicloud/pop-core RPCClient", () => {
  let sandbox: RunningSandbox;
  const clients: RPCClient[] = [];

  /** RPCClient with endpoint http://127.0.0.1:PORT: GET with the signed parameters in the query, or
   * POST with them in a form body; HMAC-SHA1, key = secret + "&". */
  function client(
    apiVersion: string,
    accessKeySecret = SANDBOX_CREDENTIALS.alibaba.secret,
    accessKeyId = SANDBOX_CREDENTIALS.alibaba.id,
  ) {
    const made = new RPCClient({ endpoint: sandbox.url, apiVersion, accessKeyId, accessKeySecret });
    clients.push(made);
    return made;
  }

  before(async () => {
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    await sandbox.close();
    for (const made of clients)
      (made as unknown as { keepAliveAgent: { destroy(): void } }).keepAliveAgent.destroy();
  });

  it("KMS Encrypt (GET) returns the parsed result", async () => {
    const result = await client("2016-01-20").request<Record<string, string>>("Encrypt", {
      KeyId: "key-hzz630494463ejqjx0001",
      Plaintext: "hello",
    });
    expect(result.KeyId).to.equal("key-hzz630494463ejqjx0001");
    expect(result.CiphertextBlob).to.be.a("string").and.not.empty;
    expect(result.KeyVersionId).to.match(UUID);
    expect(result.RequestId).to.match(UUID);
  });

  it("KMS DescribeRegions (POST, form body) returns the regions", async () => {
    const result = await client("2016-01-20").request<{ Regions: { Region: { RegionId: string }[] } }>(
      "DescribeRegions",
      {},
      { method: "POST" },
    );
    expect(result.Regions.Region.map((r) => r.RegionId)).to.include("ap-southeast-1");
  });

  it("ESS CreateScalingGroup, DescribeScalingGroups, DeleteScalingGroup", async () => {
    const ess = client("2014-08-28");
    const created = await ess.request<{ ScalingGroupId: string }>("CreateScalingGroup", {
      RegionId: "ap-southeast-1",
      MinSize: 0,
      MaxSize: 2,
      ScalingGroupName: "pop-core",
    });
    expect(created.ScalingGroupId).to.match(/^asg-t4n/);
    const listed = await ess.request<{
      TotalCount: number;
      ScalingGroups: { ScalingGroup: { ScalingGroupName: string }[] };
    }>("DescribeScalingGroups", { RegionId: "ap-southeast-1" });
    expect(listed.TotalCount).to.equal(1);
    expect(listed.ScalingGroups.ScalingGroup[0]?.ScalingGroupName).to.equal("pop-core");
    const deleted = await ess.request<{ RequestId: string }>("DeleteScalingGroup", {
      ScalingGroupId: created.ScalingGroupId,
    });
    expect(deleted.RequestId).to.match(/^[0-9A-F-]{36}$/);
  });

  it("a wrong secret on KMS throws IncompleteSignatureError carrying code, message and request id", async () => {
    const error = await rejection(client("2016-01-20", "wrong").request("DescribeRegions", {}));
    expect(error.name).to.equal("IncompleteSignatureError");
    expect(error.code).to.equal("IncompleteSignature");
    expect(error.data).to.include({
      HttpStatus: 400,
      Code: "IncompleteSignature",
      Message: "The request signature does not conform to Alibaba Cloud standards.",
      HostId: "kms.cn-hangzhou.aliyuncs.com",
    });
    expect(error.data.RequestId).to.match(UUID);
    expect(error.message).to.contain("The request signature does not conform to Alibaba Cloud standards.");
  });

  it("a wrong secret on ESS (POST) throws SignatureDoesNotMatchError", async () => {
    const error = await rejection(
      client("2014-08-28", "wrong").request(
        "DescribeScalingGroups",
        { RegionId: "cn-hangzhou" },
        { method: "POST" },
      ),
    );
    expect(error.code).to.equal("SignatureDoesNotMatch");
    expect(error.data).to.include({ HostId: "ess.aliyuncs.com" });
    expect(error.data.RequestId).to.match(/^[0-9A-F]{8}-/);
  });

  it("an unknown access key on ESS throws InvalidAccessKeyId.NotFound", async () => {
    const error = await rejection(
      client("2014-08-28", "x", "LTAIunknown").request("DescribeScalingGroups", { RegionId: "cn-hangzhou" }),
    );
    expect(error.code).to.equal("InvalidAccessKeyId.NotFound");
  });
});
