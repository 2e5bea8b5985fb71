import { Agent } from "node:http";
import { expect } from "chai";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { actionsDocuments } from "../../src/schemas/actions-documents.js";
import { minimalRequest } from "../../src/schemas/minimal-request.js";
import { loopbackOnly } from "../support/loopback-lookup.js";
import { zenlayerCall } from "./support/sandbox-calls.js";

const agent = new Agent({ keepAlive: false, lookup: loopbackOnly });

/** Tencent's CommonClient for SERVICE at SERVICE.localhost:PORT (it signs the endpoint's first label). */
function client(sandbox: RunningSandbox, service: string, version: string) {
  return new CommonClient(`${service}.localhost:${sandbox.port}`, version, {
    credential: { secretId: SANDBOX_CREDENTIALS.tencent.id, secretKey: SANDBOX_CREDENTIALS.tencent.secret },
    region: "ap-guangzhou",
    profile: { httpProfile: { protocol: "http://", agent } },
  });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as { code?: string; requestId?: string },
  );

describe("sandbox --described-products: products served from their actions documents alone", () => {
  let on: RunningSandbox;
  let off: RunningSandbox;
  before(async () => {
    on = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null, describedProducts: true });
    off = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    await on?.close();
    await off?.close();
    agent.destroy();
  });

  for (const [service, version] of [
    ["cbs", "2017-03-12"],
    ["vpc", "2017-03-12"],
  ] as const) {
    const document = actionsDocuments().document("tencent", service, version);
    const actions = Object.keys(document?.actions ?? {}).sort();

    it(`${service} ${version}: every described action (${actions.length}) answers through the official CommonClient`, async () => {
      expect(actions.length).to.be.greaterThan(10);
      const failed: string[] = [];
      const made = client(on, service, version);
      for (const action of actions) {
        try {
          const result = (await made.request(
            action,
            minimalRequest("tencent", service, action, version),
          )) as {
            RequestId?: unknown;
          };
          if (typeof result.RequestId !== "string") failed.push(`${action}: no RequestId`);
        } catch (error) {
          failed.push(`${action}: ${(error as Error).message}`);
        }
      }
      expect(failed, `${failed.length} of ${actions.length} failed`).to.deep.equal([]);
    });
  }

  it("Zenlayer vm 2023-03-13 (POST /api/v2/vm): every described action answers success in the dialect's envelope", async () => {
    const actions = Object.keys(actionsDocuments().document("zenlayer", "vm", "2023-03-13")?.actions ?? {});
    expect(actions.length).to.be.greaterThan(10);
    const failed: string[] = [];
    for (const action of actions) {
      const call = await zenlayerCall(on.url, {
        action,
        path: "/api/v2/vm",
        version: "2023-03-13",
        params: {},
      });
      if (call.status !== 200 || !/^T[0-9A-F-]{36}$/.test(String(call.json.requestId)) || !call.json.response)
        failed.push(`${action}: HTTP ${call.status} ${call.text.slice(0, 200)}`);
    }
    expect(failed, `${failed.length} of ${actions.length} failed`).to.deep.equal([]);
    const withoutOption = await zenlayerCall(off.url, {
      action: actions[0] ?? "",
      path: "/api/v2/vm",
      version: "2023-03-13",
    });
    expect(withoutOption.json.code).to.equal("INVALID_VERSION");
  });

  it("checks the described request side there too: a missing required parameter is MissingParameter", async () => {
    const error = await rejection(client(on, "cbs", "2017-03-12").request("AttachDisks", {}));
    expect(error?.code).to.equal("MissingParameter");
    expect(error?.requestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it("without the option (or for a version no document has), the request reaches CVM, which does not know it", async () => {
    const error = await rejection(client(off, "vpc", "2017-03-12").request("DescribeVpcs", {}));
    expect(error?.code).to.equal("InvalidAction");
    const unknownVersion = await rejection(client(on, "cbs", "1999-01-01").request("DescribeDisks", {}));
    expect(unknownVersion?.code).to.equal("NoSuchVersion");
  });
});
