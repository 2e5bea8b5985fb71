import { Agent } from "node:http";
import { expect } from "chai";
import * as exceptionModule from "tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception.js";
import { cvm } from "tencentcloud-sdk-nodejs-cvm";
import { describedActionsOf } from "../../src/live/described-actions.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { findProduct } from "../../src/providers/registry.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { minimalRequest } from "../../src/schemas/minimal-request.js";

/** The SDK's own error class (tencentcloud-sdk-nodejs-common does not export it from its root). */
const TencentCloudSDKHttpException = exceptionModule.default as unknown as new (
  ...args: never[]
) => Error & { code?: string; requestId: string };

describe("official SDK: tencentcloud-sdk-nodejs-cvm, every method of its CVM client", () => {
  let sandbox: RunningSandbox;
  const agent = new Agent({ keepAlive: false });
  const version = findProduct("tencent", "cvm")?.version;

  const client = (secretKey = SANDBOX_CREDENTIALS.tencent.secret) =>
    new cvm.v20170312.Client({
      credential: { secretId: SANDBOX_CREDENTIALS.tencent.id, secretKey },
      region: findProduct("tencent", "cvm")?.callRegion ?? "ap-guangzhou",
      profile: {
        httpProfile: { endpoint: `127.0.0.1:${new URL(sandbox.url).port}`, protocol: "http://", agent },
      },
    });

  const product = findProduct("tencent", "cvm");
  const described = product ? describedActionsOf(product) : { version: undefined, actions: [] };
  /** The client's methods that are actions of the description (its own helpers are not). */
  const methods = Object.getOwnPropertyNames(cvm.v20170312.Client.prototype).filter((name) =>
    described.actions.includes(name),
  );
  type Method = (request: unknown) => Promise<{ RequestId?: unknown }>;
  const methodOf = (made: unknown, name: string) => (made as Record<string, Method>)[name] as Method;

  before(async () => {
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    await sandbox?.close();
    agent.destroy();
  });

  it("speaks the registry's CVM version, and the description knows at least 80 of its methods", () => {
    expect(version).to.equal("2017-03-12");
    expect(described.version).to.equal(version);
    expect(methods.length, "methods of the client that are actions").to.be.at.least(80);
  });

  describe("each method with a minimal valid request (required members, their documented examples)", () => {
    for (const name of methods) {
      it(`${name} resolves to the parsed model, with its RequestId`, async () => {
        const made = client();
        const result = await methodOf(made, name).call(made, minimalRequest("tencent", "cvm", name, version));
        expect(result?.RequestId, JSON.stringify(result))
          .to.be.a("string")
          .and.match(/^[0-9a-f-]{36}$/);
      });
    }
  });

  it("rejects a request without a required member with the SDK's error carrying MissingParameter", async () => {
    const made = client();
    const error = await made.DescribeInstancesAttributes({ InstanceIds: ["ins-1"] } as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TencentCloudSDKHttpException);
    const { code, message } = error as InstanceType<typeof TencentCloudSDKHttpException>;
    expect(code).to.equal("MissingParameter");
    expect(message).to.include("Attributes");
  });

  it("rejects with the SDK's error, carrying code, message and request id, when the secret is wrong", async () => {
    const error = await client("wrong-secret")
      .DescribeInstancesStatus({})
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(TencentCloudSDKHttpException);
    const { code, message, requestId } = error as InstanceType<typeof TencentCloudSDKHttpException>;
    expect(code).to.equal("AuthFailure.SignatureFailure");
    expect(message).to.be.a("string").and.not.empty;
    expect(requestId).to.match(/^[0-9a-f-]{36}$/);
  });
});
