import * as OpenApi from "@alicloud/openapi-client";
import RPCClient from "@alicloud/pop-core";
import { expect } from "chai";
import { decodeXml } from "../../src/decode/decode-xml.js";
import { DEFAULT_MAX_DEPTH } from "../../src/decode/decoded-body.js";
import { describedActionsOf } from "../../src/live/described-actions.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import type { ProductDefinition } from "../../src/providers/product.js";
import { PRODUCTS } from "../../src/providers/registry.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import {
  type AlibabaRequest,
  acs3Params,
  callOf,
  OpenApiClient,
  paramsOf,
  queryOf,
  requestIdPattern,
} from "../support/alibaba-clients.js";

/**
 * Every action of each Alibaba product's generated description (schemas/alibaba/actions/PRODUCT/
 * VERSION.actions.json, `x-actions`), through Alibaba's official Node clients against the built-in sandbox:
 * one test per action, client and format, so that an action a client cannot take is a failure named after
 * it (and `--grep Encrypt` picks one action).
 *
 * Who reads what:
 * - @alicloud/pop-core RPCClient reads JSON only: request() sends Format=JSON unless the parameters say
 *   otherwise, and JSON.parses (json-bigint) every answer (lib/rpc.js); XML is only read by its ROAClient.
 *   Its XML is therefore one test per product that shows it failing, not one per action.
 * - @alicloud/openapi-client callApi (ACS3-HMAC-SHA256, RPC style) reads a success as the params' bodyType
 *   says: "json" parses it; no bodyType parses XML (it parses XML, with @alicloud/tea-xml, only for a 4xx or
 *   5xx answer of Content-Type text/xml;charset=utf-8). Its XML tests ask for Format=XML with bodyType
 *   "string", and the project's own XML reading (src/decode/decode-xml.ts) parses the text it returns.
 */

const alibabaProducts = PRODUCTS.filter(
  (p) => p.dialect === "alibaba" && describedActionsOf(p).actions.length > 0,
);

/** The XML root of an Alibaba success: the product's own (KMS) or {Action}Response. */
const xmlRootOf = (product: ProductDefinition, action: string) => product.xmlRoot ?? `${action}Response`;

async function rejection(promise: Promise<unknown>): Promise<{ name?: unknown; text?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { name?: unknown; text?: unknown };
  }
  throw new Error("the call succeeded");
}

describe("official Alibaba clients: every action of each product's description, JSON and XML", () => {
  let sandbox: RunningSandbox;
  const popClients: RPCClient[] = [];

  before(async () => {
    sandbox = await startSandbox({ credentials: SANDBOX_CREDENTIALS, rateLimit: null });
  });
  after(async () => {
    for (const made of popClients)
      (made as unknown as { keepAliveAgent: { destroy(): void } }).keepAliveAgent.destroy();
    // Closing the sandbox also closes the keep-alive sockets of @alicloud/openapi-client (httpx's own
    // module agent, which it offers no way to reach).
    await sandbox.close();
  });

  it("the registry has Alibaba products with actions documents", () => {
    expect(alibabaProducts.map((p) => p.id)).to.include.members(["kms", "ess"]);
  });

  for (const product of alibabaProducts) {
    const { version, actions } = describedActionsOf(product);

    describe(`${product.dialect}/${product.id} ${version}: the ${actions.length} described actions`, () => {
      let pop: RPCClient;
      let openApi: OpenApiClient;

      before(() => {
        pop = new RPCClient({
          endpoint: sandbox.url,
          apiVersion: product.version,
          accessKeyId: SANDBOX_CREDENTIALS.alibaba.id,
          accessKeySecret: SANDBOX_CREDENTIALS.alibaba.secret,
        });
        popClients.push(pop);
        openApi = new OpenApiClient(
          new OpenApi.Config({
            accessKeyId: SANDBOX_CREDENTIALS.alibaba.id,
            accessKeySecret: SANDBOX_CREDENTIALS.alibaba.secret,
            endpoint: `127.0.0.1:${sandbox.port}`,
            protocol: "http",
          }),
        );
      });

      const popJson: AlibabaRequest = (action, params) =>
        pop.request<Record<string, unknown>>(action, params);

      async function openApiCall(
        action: string,
        params: Record<string, unknown>,
        bodyType: "json" | "string",
      ) {
        const answer = (await openApi.callApi(
          acs3Params(action, product.version, bodyType),
          new OpenApi.OpenApiRequest({ query: queryOf(params) }),
          {} as never,
        )) as { statusCode: number; headers: Record<string, string>; body: unknown };
        expect(answer.statusCode, `${action} status`).to.equal(200);
        return answer;
      }
      const openApiJson: AlibabaRequest = async (action, params) =>
        (await openApiCall(action, params, "json")).body as Record<string, unknown>;

      it(`the description is of the product's version (${product.version})`, () => {
        expect(version).to.equal(product.version);
      });

      describe("pop-core RPCClient, JSON", () => {
        for (const action of actions) {
          it(`pop-core JSON ${action} resolves with the parsed object carrying RequestId`, async () => {
            const result = await popJson(action, await paramsOf(product, callOf(product, action), popJson));
            expect(result).to.be.an("object");
            expect(result.RequestId).to.be.a("string").and.match(requestIdPattern(product));
          });
        }
      });

      // pop-core RPCClient cannot read XML: it sends a Format=XML parameter as given, and JSON.parses the
      // answer all the same (lib/rpc.js). One test shows it, instead of one per action faking a parse.
      describe("pop-core RPCClient, XML: not read (RPCClient JSON.parses every answer)", () => {
        const action = product.calls[0]?.action ?? (actions[0] as string);
        it(`pop-core Format=XML ${action}: the sandbox answers XML and pop-core rejects it with a SyntaxError`, async () => {
          const params = { ...(await paramsOf(product, callOf(product, action), popJson)), Format: "XML" };
          const error = await rejection(pop.request(action, params));
          expect(error.name).to.equal("SyntaxError");
          expect(String(error.text)).to.match(
            new RegExp(`^<\\?xml[^>]*>\\s*<${xmlRootOf(product, action)}>`),
          );
        });
      });

      describe("openapi-client callApi (ACS3-HMAC-SHA256), JSON (bodyType json)", () => {
        for (const action of actions) {
          it(`openapi-client JSON ${action} returns the parsed object carrying RequestId`, async () => {
            const body = await openApiJson(
              action,
              await paramsOf(product, callOf(product, action), openApiJson),
            );
            expect(body).to.be.an("object");
            expect(body.RequestId).to.be.a("string").and.match(requestIdPattern(product));
          });
        }
      });

      // openapi-client has no bodyType that parses an XML success: bodyType "string" returns the text, and
      // the project's XML reading (src/decode/decode-xml.ts) parses it.
      describe("openapi-client callApi (ACS3-HMAC-SHA256), XML (Format=XML, bodyType string, parsed by src/decode)", () => {
        for (const action of actions) {
          it(`openapi-client XML ${action} returns the XML text, which parses to <${xmlRootOf(product, action)}> carrying RequestId`, async () => {
            // What the call uses from an earlier one (ESS DeleteScalingGroup: a fresh group) is asked in JSON.
            const params = await paramsOf(product, callOf(product, action), openApiJson);
            const answer = await openApiCall(action, { ...params, Format: "XML" }, "string");
            expect(answer.headers["content-type"]).to.match(/^text\/xml/);
            expect(answer.body).to.be.a("string");
            const decoded = decodeXml(answer.body as string, { maxDepth: DEFAULT_MAX_DEPTH });
            if (!decoded.ok) expect.fail(`${action}: ${decoded.message}`);
            expect(decoded.xmlRoot).to.equal(xmlRootOf(product, action));
            const value = decoded.value as Record<string, unknown>;
            expect(value.RequestId).to.be.a("string").and.match(requestIdPattern(product));
          });
        }
      });
    });
  }
});
