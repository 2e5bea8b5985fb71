process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import RPCClient from "@alicloud/pop-core";
import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import * as exceptionModule from "tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception.js";
import { type ContractInteraction, contractInteractions } from "../../src/contracts/contract-interactions.js";
import { CONTRACT_PRODUCTS } from "../../src/contracts/contract-products.js";
import { MatchersV3, type MockServer } from "../../src/contracts/load-pact.js";
import { newPact, runInteraction } from "../../src/contracts/pact-builder.js";
import { DEFAULT_TIMEOUTS, sendRequest } from "../../src/live/http-exchange.js";
import { signedRequest } from "../../src/live/signed-request.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { UNKNOWN_KEY_IDS } from "../../src/providers/probe-faults.js";
import { findProduct } from "../../src/providers/registry.js";

type ExceptionClass = new (...args: never[]) => Error & { code?: string; requestId: string };
/** The SDK's own error class (CommonJS default export; tsx may wrap it once more). */
const exceptionDefault = exceptionModule.default as unknown as ExceptionClass | { default: ExceptionClass };
const TencentCloudSDKHttpException: ExceptionClass =
  typeof exceptionDefault === "function" ? exceptionDefault : exceptionDefault.default;

/** The example answer of the contract, as the mock server sends it. */
const example = (interaction: ContractInteraction) =>
  MatchersV3.reify(interaction.response.body) as Record<string, Record<string, unknown>>;

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("the call succeeded");
}

const agent = new Agent({ keepAlive: false });
const popClients: RPCClient[] = [];

/** Tencent through CommonClient (POST JSON, TC3); the SDK cannot send PUT, so that probe uses fetch. */
async function tencent(interaction: ContractInteraction, server: MockServer) {
  const { call } = interaction;
  if (call.method === "PUT") return plainFetch(interaction, server);
  const client = new CommonClient(`127.0.0.1:${server.port}`, call.version, {
    credential: { secretId: call.signing?.keyId ?? SANDBOX_CREDENTIALS.tencent.id, secretKey: "any" },
    region: call.region ?? "",
    profile: { httpProfile: { protocol: "http://", reqMethod: "POST", agent } },
  });
  const answer = example(interaction).Response as Record<string, unknown>;
  if (interaction.expects.kind === "success") {
    const result = (await client.request(call.action, call.params)) as Record<string, unknown>;
    expect(result).to.deep.equal(answer);
    return;
  }
  const error = await rejection(client.request(call.action, call.params));
  const contractError = answer.Error as Record<string, string>;
  expect(error).to.be.instanceOf(TencentCloudSDKHttpException);
  expect(error.code).to.equal(interaction.expects.code);
  expect(error.message).to.equal(contractError.Message);
  expect(error.requestId).to.equal(answer.RequestId);
}

/** Alibaba JSON through pop-core's RPCClient (GET, signed query; PUT via its method option). */
async function alibaba(interaction: ContractInteraction, server: MockServer) {
  const { call } = interaction;
  if (call.format === "xml") return alibabaXml(interaction, server);
  const client = new RPCClient({
    endpoint: server.url,
    apiVersion: call.version,
    accessKeyId: call.signing?.keyId ?? SANDBOX_CREDENTIALS.alibaba.id,
    accessKeySecret: "any",
  });
  popClients.push(client);
  const params = { ...(call.region === null ? {} : { RegionId: call.region }), ...call.params };
  const options = call.method ? { method: call.method } : {};
  const answer = example(interaction);
  if (interaction.expects.kind === "success") {
    expect(await client.request(call.action, params, options)).to.deep.equal(answer);
    return;
  }
  const error = await rejection(client.request(call.action, params, options));
  expect(error.name).to.equal(`${interaction.expects.code}Error`);
  expect(error.code).to.equal(interaction.expects.code);
  expect(error.message).to.contain(answer.Message as unknown as string);
  expect((error.data as Record<string, unknown>).RequestId).to.equal(answer.RequestId);
}

/** Alibaba XML: pop-core JSON.parses every body, so XML answers are fetched and parsed here. */
async function alibabaXml(interaction: ContractInteraction, server: MockServer) {
  const response = await plainFetch(interaction, server);
  const parsed = new XMLParser({ parseTagValue: false }).parse(response.text) as Record<
    string,
    Record<string, unknown>
  >;
  const { call } = interaction;
  const root = findProduct(call.dialect, call.product)?.xmlRoot ?? `${call.action}Response`;
  expect(parsed[root]?.RequestId)
    .to.be.a("string")
    .and.match(/^[0-9a-f-]{36}$/i);
}

/** Zenlayer has no official Node SDK: a ZC2-signed fetch (src/live/signed-request.ts). */
async function zenlayer(interaction: ContractInteraction, server: MockServer) {
  const response = await plainFetch(interaction, server);
  const body = JSON.parse(response.text) as Record<string, unknown>;
  const answer = example(interaction);
  if (interaction.expects.kind === "success") {
    expect(response.status).to.equal(200);
    expect(body).to.deep.equal(answer);
  } else {
    expect(response.status).to.be.within(400, 499);
    expect(body.code).to.equal(interaction.expects.code);
    expect(body.requestId).to.equal(answer.requestId);
  }
}

/** The call signed as a live run signs it, sent with fetch. */
async function plainFetch(interaction: ContractInteraction, server: MockServer) {
  const { call } = interaction;
  const keyId = call.signing?.keyId === undefined ? undefined : UNKNOWN_KEY_IDS[call.dialect];
  const spec = { ...call, signing: keyId ? { keyId } : {} };
  const request = signedRequest(
    spec,
    new URL(server.url),
    SANDBOX_CREDENTIALS,
    Math.floor(Date.now() / 1000),
  );
  const outcome = await sendRequest(request, { timeouts: DEFAULT_TIMEOUTS, maxBodyBytes: 1 << 20 });
  if (!outcome.ok) throw new Error(`${request.method} ${request.url}: ${outcome.kind}: ${outcome.message}`);
  return { status: outcome.status, text: outcome.body };
}

const DRIVERS = { tencent, alibaba, zenlayer } as const;

describe("contracts: consumer side (official clients against the Pact mock server)", () => {
  // Made while the tests are collected: each product's pact is declared then; removed with every pact.
  const dir = mkdtempSync(path.join(tmpdir(), "contracts-consumer-"));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    agent.destroy();
    for (const client of popClients)
      (client as unknown as { keepAliveAgent: { destroy(): void } }).keepAliveAgent.destroy();
  });

  for (const product of CONTRACT_PRODUCTS)
    describe(product.provider, () => {
      const pact = newPact("sdk", product.provider, mkdtempSync(path.join(dir, `${product.provider}-`)));
      for (const interaction of contractInteractions().filter((i) => i.provider === product.provider))
        it(interaction.description, () =>
          runInteraction(pact, interaction, (server) =>
            DRIVERS[interaction.call.dialect](interaction, server),
          ),
        );
    });
});
