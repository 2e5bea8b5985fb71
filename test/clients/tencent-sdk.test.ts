import { Agent } from "node:http";
import { expect } from "chai";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import * as exceptionModule from "tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

/** The SDK's own error class (tencentcloud-sdk-nodejs-common does not export it from its root). */
const TencentCloudSDKHttpException = exceptionModule.default as unknown as new (
  ...args: never[]
) => Error & { code?: string; requestId: string; httpCode?: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("official client: tencentcloud-sdk-nodejs-common CommonClient", () => {
  let sandbox: RunningSandbox;
  let defective: RunningSandbox;
  // An agent of our own: the SDK then never looks at http_proxy, and the test closes its sockets.
  const agent = new Agent({ keepAlive: false });

  /** CommonClient as a user would build it: endpoint "127.0.0.1:PORT", protocol "http://" (the SDK
   * concatenates protocol + endpoint + "/"). It signs service "127" (endpoint.split(".")[0]) and the
   * host without its port. */
  function client(
    url: string,
    secretKey = SANDBOX_CREDENTIALS.tencent.secret,
    reqMethod = "POST",
    region = "ap-guangzhou",
  ) {
    return new CommonClient(`127.0.0.1:${new URL(url).port}`, "2017-03-12", {
      credential: { secretId: SANDBOX_CREDENTIALS.tencent.id, secretKey },
      region,
      profile: { httpProfile: { protocol: "http://", reqMethod: reqMethod as "POST", agent } },
    });
  }

  before(async () => {
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
    defective = await startSandbox({
      credentials: SANDBOX_CREDENTIALS,
      rateLimit: null,
      defects: ["tencent-error-4xx"],
    });
  });
  after(async () => {
    await Promise.all([sandbox.close(), defective.close()]);
    agent.destroy();
  });

  it("DescribeInstancesStatus returns the parsed Response", async () => {
    const result = (await client(sandbox.url).request("DescribeInstancesStatus", { Limit: 1 })) as Record<
      string,
      unknown
    >;
    expect(result.TotalCount).to.equal(3);
    expect(result.InstanceStatusSet).to.deep.equal([
      { InstanceId: "ins-2zvjrq7k", InstanceState: "RUNNING" },
    ]);
    expect(result.RequestId).to.match(UUID);
  });

  it("works with reqMethod GET too (parameters flattened into the signed query)", async () => {
    const result = (await client(sandbox.url, undefined, "GET").request("DescribeInstancesStatus", {
      InstanceIds: ["ins-9bxebleo", "ins-r8hr2upy"],
    })) as Record<string, unknown>;
    expect(result.TotalCount).to.equal(2);
  });

  it("a wrong secret throws TencentCloudSDKHttpException with the sandbox's code, message and request id", async () => {
    let error: unknown;
    try {
      await client(sandbox.url, "wrong-secret").request("DescribeInstancesStatus", {});
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TencentCloudSDKHttpException);
    const exception = error as InstanceType<typeof TencentCloudSDKHttpException>;
    expect(exception.code).to.equal("AuthFailure.SignatureFailure");
    expect(exception.message).to.equal(
      "The provided credentials could not be validated. Please check your signature is correct.",
    );
    expect(exception.requestId).to.match(UUID);
  });

  it("an unsupported region throws UnsupportedRegion", async () => {
    let error: unknown;
    try {
      await client(sandbox.url, undefined, "POST", "xx-nowhere-1").request("DescribeInstancesStatus", {});
    } catch (caught) {
      error = caught;
    }
    expect((error as { code?: string }).code).to.equal("UnsupportedRegion");
  });

  it("with --defect tencent-error-4xx the SDK loses the code: why errors must come with HTTP 200", async () => {
    let error: unknown;
    try {
      await client(defective.url, "wrong-secret").request("DescribeInstancesStatus", {});
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TencentCloudSDKHttpException);
    const exception = error as InstanceType<typeof TencentCloudSDKHttpException>;
    expect(exception.httpCode).to.equal(400);
    expect(exception.code).to.equal(undefined);
    expect(exception.requestId).to.equal("");
  });
});
