import { readFileSync } from "node:fs";
import { Agent } from "node:http";
import path from "node:path";
import { expect } from "chai";
import * as exceptionModule from "tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception.js";
import { cvm } from "tencentcloud-sdk-nodejs-cvm";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { findProduct } from "../../src/providers/registry.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

/** The SDK's own error class (tencentcloud-sdk-nodejs-common does not export it from its root). */
const TencentCloudSDKHttpException = exceptionModule.default as unknown as new (
  ...args: never[]
) => Error & { code?: string; requestId: string };

const API_JSON = path.resolve(
  "..",
  "shared",
  "corpus",
  "tencentcloud-cli",
  "services",
  "cvm",
  "v20170312",
  "api.json",
);

interface ApiMember {
  name: string;
  type: string;
  member: string;
  required?: boolean;
  example?: string;
}
interface ApiJson {
  actions: Record<string, { input: string }>;
  objects: Record<string, { members?: ApiMember[] }>;
}

/** A member's documented example as the value of its type, else a plain value of that type. */
function exampleValue(member: ApiMember): unknown {
  const text = member.example ?? "";
  try {
    const parsed: unknown = JSON.parse(text);
    if (member.type === "list" && Array.isArray(parsed)) return parsed;
    if (member.type === "int" && Number.isInteger(parsed)) return parsed;
    if (member.type === "float" && typeof parsed === "number") return parsed;
    if (member.type === "bool" && typeof parsed === "boolean") return parsed;
  } catch {
    // Not JSON: a string example, or none.
  }
  switch (member.type) {
    case "int":
    case "float":
      return 1;
    case "bool":
      return false;
    case "list":
      return member.member === "string" ? [text || "x"] : [];
    case "object":
      return {};
    default:
      return text || "x";
  }
}

/** The minimal valid request of an action: its required input members, with their documented examples. */
function minimalRequest(api: ApiJson, action: string): Record<string, unknown> {
  const input = api.objects[api.actions[action]?.input ?? ""]?.members ?? [];
  return Object.fromEntries(input.filter((m) => m.required).map((m) => [m.name, exampleValue(m)]));
}

describe("official SDK: tencentcloud-sdk-nodejs-cvm, every method of its CVM client", () => {
  let sandbox: RunningSandbox;
  let api: ApiJson;
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

  /** The client's methods that are actions of the description (its own helpers are not). */
  const methods = (): string[] =>
    Object.getOwnPropertyNames(cvm.v20170312.Client.prototype).filter((name) =>
      Object.hasOwn(api.actions, name),
    );

  before(async function () {
    try {
      api = JSON.parse(readFileSync(API_JSON, "utf8")) as ApiJson;
    } catch {
      this.skip();
    }
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    await sandbox?.close();
    agent.destroy();
  });

  it("speaks the registry's CVM version", () => {
    expect(version).to.equal("2017-03-12");
  });

  it("resolves every method whose action the description knows to the parsed model, with its RequestId", async () => {
    const names = methods();
    expect(names.length, "methods of the client that are actions").to.be.at.least(80);
    const failed: string[] = [];
    const made = client();
    for (const name of names) {
      const call = (made as unknown as Record<string, (req: unknown) => Promise<{ RequestId?: unknown }>>)[
        name
      ];
      try {
        const result = await call?.call(made, minimalRequest(api, name));
        if (typeof result?.RequestId !== "string")
          failed.push(`${name}: no RequestId in ${JSON.stringify(result)}`);
      } catch (error) {
        failed.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failed, `${failed.length} of ${names.length} methods failed`).to.deep.equal([]);
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
