import { Agent } from "node:http";
import * as OpenApi from "@alicloud/openapi-client";
import RPCClient from "@alicloud/pop-core";
import * as $tea from "@alicloud/tea-typescript";
import { expect } from "chai";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import * as exceptionModule from "tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception.js";
import { resolvePointer } from "../../src/model/json-pointer.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import type { Dialect } from "../../src/providers/dialect.js";
import type { ActionCall, ProbeDefinition, ProductDefinition } from "../../src/providers/product.js";
import { failureAnswer, PRODUCTS } from "../../src/providers/registry.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import {
  acs3Params,
  OpenApiClient as Client,
  paramsOf,
  queryOf,
  requestIdPattern,
} from "../support/alibaba-clients.js";
import { loopbackOnly } from "../support/loopback-lookup.js";

/**
 * Every product of the registry, every one of its action calls, through the official Node client of its
 * dialect against a sandbox of our own: a product added under src/providers/DIALECT/PRODUCT/ is exercised
 * here without any edit to this file. The hand-written client tests next to this one check what the
 * answers hold; this one checks that the clients take every answer as the parsed success it is, and the
 * first unknown-key probe of each product as the client's own error carrying the documented code.
 *
 * Zenlayer Cloud has no official Node client, so its products are only listed here, as pending tests: no
 * official client of theirs is exercised by this file.
 */

/** The error class of the Tea runtime (ResponseError, not exported by name). */
const ResponseError = $tea.newError({ code: "x", message: "y" }).constructor as new (
  ...args: never[]
) => Error;

/** The SDK's own error class (tencentcloud-sdk-nodejs-common does not export it from its root). */
const TencentCloudSDKHttpException = exceptionModule.default as unknown as new (
  ...args: never[]
) => Error & { code?: string; requestId: string; httpCode?: number };

/** Which dialects an official Node client speaks: a new dialect must say so here (the Record demands it). */
const NODE_CLIENT: Record<Dialect, string | null> = {
  alibaba: "@alicloud/pop-core RPCClient and @alicloud/openapi-client (ACS3-HMAC-SHA256)",
  tencent: "tencentcloud-sdk-nodejs-common CommonClient",
  zenlayer: null,
};

/** The product's first probe that calls with an access key the target does not know. */
function unknownKeyProbe(product: ProductDefinition): (ProbeDefinition & { keyId: string }) | undefined {
  const probe = product.probes.find((p) => p.failure === "unknown-key" && p.change.signing?.keyId);
  const keyId = probe?.change.signing?.keyId;
  return probe && keyId ? { ...probe, keyId } : undefined;
}

function baseCall(product: ProductDefinition, probe: ProbeDefinition): ActionCall {
  const call = product.calls.find((c) => c.action === probe.base);
  if (!call)
    throw new Error(`${product.dialect}/${product.id}: probe ${probe.name} names no call ${probe.base}`);
  return call;
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: unknown };
  }
  throw new Error("the call succeeded");
}

const titled = (product: ProductDefinition) => `${product.dialect}/${product.id} ${product.version}`;

describe("official clients: every product and action call of the registry", () => {
  let sandbox: RunningSandbox;
  // One agent for the clients that take one: they then never look at http_proxy, and the test closes it.
  const agent = new Agent({ keepAlive: false, lookup: loopbackOnly });

  before(async () => {
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    // Closing the sandbox also closes the keep-alive sockets of @alicloud/openapi-client (httpx's own
    // module agent, which it offers no way to reach).
    await sandbox.close();
    agent.destroy();
  });

  it("every dialect with products says whether an official Node client speaks it", () => {
    for (const product of PRODUCTS) expect(NODE_CLIENT).to.have.property(product.dialect);
    expect(PRODUCTS.filter((p) => NODE_CLIENT[p.dialect] !== null)).to.not.be.empty;
  });

  describe(`Alibaba: ${NODE_CLIENT.alibaba}`, () => {
    const popClients: RPCClient[] = [];

    /** pop-core RPCClient: endpoint the sandbox's URL (the product told apart by its version), or
     * http://SERVICE.localhost:PORT (told apart by the host's first label, as on SERVICE.aliyuncs.com). */
    function popCore(product: ProductDefinition, how: "url" | "host", accessKeyId?: string) {
      const endpoint = how === "url" ? sandbox.url : `http://${product.service}.localhost:${sandbox.port}`;
      const made = new RPCClient({
        endpoint,
        apiVersion: product.version,
        accessKeyId: accessKeyId ?? SANDBOX_CREDENTIALS.alibaba.id,
        accessKeySecret: SANDBOX_CREDENTIALS.alibaba.secret,
      });
      popClients.push(made);
      return made;
    }

    after(() => {
      for (const made of popClients) (made as unknown as { keepAliveAgent: Agent }).keepAliveAgent.destroy();
    });

    for (const product of PRODUCTS.filter((p) => p.dialect === "alibaba")) {
      describe(titled(product), () => {
        for (const call of product.calls) {
          for (const how of ["url", "host"] as const) {
            it(`pop-core ${call.action} (JSON, endpoint ${how === "url" ? "the sandbox URL" : `${product.service}.localhost`}) returns the parsed success`, async () => {
              const client = popCore(product, how);
              const request = (action: string, params: Record<string, unknown>) =>
                client.request<Record<string, unknown>>(action, params, how === "host" ? { agent } : {});
              const result = await request(call.action, await paramsOf(product, call, request));
              expect(result).to.be.an("object");
              expect(result.RequestId).to.be.a("string").and.match(requestIdPattern(product));
            });
          }

          it(`openapi-client ${call.action} (ACS3-HMAC-SHA256) returns the parsed success`, async () => {
            const client = new Client(
              new OpenApi.Config({
                accessKeyId: SANDBOX_CREDENTIALS.alibaba.id,
                accessKeySecret: SANDBOX_CREDENTIALS.alibaba.secret,
                endpoint: `127.0.0.1:${sandbox.port}`,
                protocol: "http",
              }),
            );
            const request = async (action: string, params: Record<string, unknown>) => {
              const query = queryOf(params);
              const answer = (await client.callApi(
                acs3Params(action, product.version),
                new OpenApi.OpenApiRequest({ query }),
                {} as never,
              )) as { statusCode: number; body: Record<string, unknown> };
              expect(answer.statusCode).to.equal(200);
              return answer.body;
            };
            const body = await request(call.action, await paramsOf(product, call, request));
            expect(body).to.be.an("object");
            expect(body.RequestId).to.be.a("string").and.match(requestIdPattern(product));
          });
        }

        // Every action of the product's description, with each client and format, is
        // test/clients/alibaba-every-action.test.ts.

        const probe = unknownKeyProbe(product);
        if (probe) {
          const code = failureAnswer(product, "unknown-key").code;
          const call = baseCall(product, probe);
          const params = {
            ...(product.callRegion === null ? {} : { RegionId: product.callRegion }),
            ...call.params,
          };

          it(`probe ${probe.name}: pop-core throws its ${code}Error carrying ${code}`, async () => {
            const error = await rejection(popCore(product, "url", probe.keyId).request(call.action, params));
            expect(error.name).to.equal(`${code}Error`);
            expect(error.code).to.equal(code);
            const data = (error as unknown as { data: Record<string, unknown> }).data;
            expect(data.RequestId).to.be.a("string").and.match(requestIdPattern(product));
          });

          it(`probe ${probe.name}: openapi-client throws the Tea ResponseError carrying ${code}`, async () => {
            const client = new Client(
              new OpenApi.Config({
                accessKeyId: probe.keyId,
                accessKeySecret: SANDBOX_CREDENTIALS.alibaba.secret,
                endpoint: `127.0.0.1:${sandbox.port}`,
                protocol: "http",
              }),
            );
            const query = queryOf(params);
            const error = await rejection(
              client.callApi(
                acs3Params(call.action, product.version),
                new OpenApi.OpenApiRequest({ query }),
                {} as never,
              ),
            );
            expect(error).to.be.instanceOf(ResponseError);
            expect(error.code).to.equal(code);
          });
        }
      });
    }
  });

  describe(`Tencent: ${NODE_CLIENT.tencent}`, () => {
    /** CommonClient with endpoint SERVICE.localhost:PORT: the SDK signs service SERVICE (the endpoint's
     * first label) and the sandbox names the product by it, as on SERVICE.tencentcloudapi.com. */
    function commonClient(product: ProductDefinition, secretId = SANDBOX_CREDENTIALS.tencent.id) {
      return new CommonClient(`${product.service}.localhost:${sandbox.port}`, product.version, {
        credential: { secretId, secretKey: SANDBOX_CREDENTIALS.tencent.secret },
        ...(product.callRegion === null ? {} : { region: product.callRegion }),
        profile: { httpProfile: { protocol: "http://", agent } },
      });
    }

    for (const product of PRODUCTS.filter((p) => p.dialect === "tencent")) {
      describe(titled(product), () => {
        for (const call of product.calls) {
          it(`CommonClient ${call.action} returns the parsed Response`, async () => {
            const client = commonClient(product);
            const params = { ...call.params };
            if (call.uses) {
              const uses = call.uses;
              const used = product.calls.find((c) => c.action === uses.action);
              if (!used) throw new Error(`${titled(product)} ${call.action} uses no call ${uses.action}`);
              const answer = await client.request(used.action, used.params);
              params[uses.param] = resolvePointer(answer, uses.pointer);
              expect(params[uses.param], `${used.action} answers ${uses.pointer}`).to.not.equal(undefined);
            }
            const result = (await client.request(call.action, params)) as Record<string, unknown>;
            expect(result).to.be.an("object");
            expect(result.RequestId).to.be.a("string").and.match(requestIdPattern(product));
          });
        }

        const probe = unknownKeyProbe(product);
        if (probe) {
          const code = failureAnswer(product, "unknown-key").code;
          it(`probe ${probe.name}: CommonClient throws TencentCloudSDKHttpException carrying ${code}`, async () => {
            const call = baseCall(product, probe);
            const error = await rejection(
              commonClient(product, probe.keyId).request(call.action, call.params),
            );
            expect(error).to.be.instanceOf(TencentCloudSDKHttpException);
            const exception = error as InstanceType<typeof TencentCloudSDKHttpException>;
            expect(exception.code).to.equal(code);
            expect(exception.requestId).to.match(requestIdPattern(product));
          });
        }
      });
    }
  });

  // Zenlayer has no official Node client: its official Go SDK calls every bmc action in
  // test/surface/zenlayer-go-sdk.test.ts (npm run test:surface), and test/clients/zenlayer-go-calls.test.ts
  // checks that its calls cover every action the description names.
});
