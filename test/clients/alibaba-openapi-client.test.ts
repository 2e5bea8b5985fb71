import * as OpenApi from "@alicloud/openapi-client";
import * as $tea from "@alicloud/tea-typescript";
import { expect } from "chai";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { acs3Params } from "../support/alibaba-clients.js";

/** The darabonba client class (the CommonJS module's default export). */
const Client =
  (OpenApi as unknown as { default: { default?: typeof OpenApi.default } & typeof OpenApi.default }).default
    .default ?? OpenApi.default;

/** The error class of the Tea runtime (ResponseError, not exported by name). */
const ResponseError = $tea.newError({ code: "x", message: "y" }).constructor as new (
  ...args: never[]
) => Error;

interface TeaError extends Error {
  code: string;
  statusCode: number;
  data: Record<string, unknown>;
}

async function rejection(promise: Promise<unknown>): Promise<TeaError> {
  try {
    await promise;
  } catch (error) {
    return error as TeaError;
  }
  throw new Error("the call succeeded");
}

describe("official client: @alicloud/openapi-client Client.callApi (RPC style)", () => {
  let sandbox: RunningSandbox;

  /** Client with endpoint "127.0.0.1:PORT", protocol http. Default signing: ACS3-HMAC-SHA256 with the
   * action's parameters in the query; signatureAlgorithm "v2": RPC HMAC-SHA1 in the query. */
  function client(accessKeySecret = SANDBOX_CREDENTIALS.alibaba.secret, signatureAlgorithm?: string) {
    return new Client(
      new OpenApi.Config({
        accessKeyId: SANDBOX_CREDENTIALS.alibaba.id,
        accessKeySecret,
        endpoint: `127.0.0.1:${sandbox.port}`,
        protocol: "http",
        ...(signatureAlgorithm ? { signatureAlgorithm } : {}),
      }),
    );
  }

  const call = (
    c: InstanceType<typeof Client>,
    action: string,
    version: string,
    query: Record<string, string>,
  ) =>
    c.callApi(acs3Params(action, version), new OpenApi.OpenApiRequest({ query }), {} as never) as Promise<{
      statusCode: number;
      body: Record<string, unknown>;
    }>;

  before(async () => {
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(() => sandbox.close());

  it("ESS DescribeScalingGroups (ACS3) returns the parsed body", async () => {
    const result = await call(client(), "DescribeScalingGroups", "2014-08-28", { RegionId: "cn-hangzhou" });
    expect(result.statusCode).to.equal(200);
    expect(result.body).to.include({ TotalCount: 2, PageNumber: 1, PageSize: 10 });
  });

  it("KMS Encrypt (ACS3) returns the ciphertext", async () => {
    const result = await call(client(), "Encrypt", "2016-01-20", {
      KeyId: "alias/sandbox",
      Plaintext: "hello",
    });
    expect(result.body.KeyId).to.match(/^key-/);
    expect(result.body.CiphertextBlob).to.be.a("string");
  });

  it("KMS DescribeRegions with signatureAlgorithm v2 (RPC HMAC-SHA1) works too", async () => {
    const result = await call(client(undefined, "v2"), "DescribeRegions", "2016-01-20", {});
    expect((result.body.Regions as { Region: unknown[] }).Region).to.have.length(4);
  });

  it("a wrong secret throws the Tea ResponseError with code, status, message and request id", async () => {
    const error = await rejection(
      call(client("wrong"), "DescribeScalingGroups", "2014-08-28", { RegionId: "cn-hangzhou" }),
    );
    expect(error).to.be.instanceOf(ResponseError);
    expect(error.code).to.equal("SignatureDoesNotMatch");
    expect(error.statusCode).to.equal(403);
    expect(error.data).to.include({
      Code: "SignatureDoesNotMatch",
      HostId: "ess.aliyuncs.com",
      statusCode: 403,
    });
    const requestId = error.data.RequestId as string;
    expect(requestId).to.match(/^[0-9A-F]{8}-[0-9A-F]{4}-/);
    expect(error.message).to.equal(
      `SignatureDoesNotMatch: code: 403, The signature we calculated does not match the one you provided. request id: ${requestId}`,
    );
  });

  it("a wrong secret on KMS carries KMS's code and HttpStatus", async () => {
    const error = await rejection(call(client("wrong", "v2"), "DescribeRegions", "2016-01-20", {}));
    expect(error.code).to.equal("IncompleteSignature");
    expect(error.data).to.include({ HttpStatus: 400, statusCode: 400 });
  });
});
