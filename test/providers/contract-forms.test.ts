import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import ts from "typescript";
import { resolvePointer } from "../../src/model/json-pointer.js";
import { signRpc } from "../../src/providers/alibaba/rpc-signature.js";
import { DIALECTS, type Dialect } from "../../src/providers/dialect.js";
import { type ContractMatchers, dialectContractForms } from "../../src/providers/dialect-contract-forms.js";
import { dialectSpecs } from "../../src/providers/dialect-specs.js";
import { findProduct, PRODUCTS } from "../../src/providers/registry.js";
import type { ReplayedRequest } from "../../src/providers/replayed-request.js";
import { signTc3 } from "../../src/providers/tencent/tc3.js";
import { signZc2 } from "../../src/providers/zenlayer/zc2.js";
import { srcDir } from "../architecture/import-graph.js";

/** Matchers that say what they are, so that a form's output can be read back. */
const matchers: ContractMatchers = {
  like: (example) => ({ like: example }),
  regex: (pattern, example) => ({ regex: pattern, example }),
};

const EXAMPLE = { id: "KEY-ID", secret: "example-secret", timestamp: 1763625600 };
const ZEROS = "0".repeat(64);

function product(dialect: Dialect, id: string) {
  const found = findProduct(dialect, id);
  if (!found) throw new Error(`no ${dialect}/${id}`);
  return found;
}

function call(dialect: Dialect, id: string, params: Record<string, unknown> = { A: 1 }) {
  const p = product(dialect, id);
  return {
    product: p.service,
    action: "DescribeThings",
    version: p.version,
    format: "json" as const,
    params,
    region: p.callRegion,
  };
}

/** A regex matcher's pattern accepts its own example (Pact would refuse the contract otherwise). */
function expectRegexMatcher(value: unknown) {
  const { regex, example } = value as { regex: string; example: string };
  expect(new RegExp(regex).test(example), `${regex} accepts ${example}`).to.equal(true);
  return example;
}

describe("dialect contract forms (src/providers/DIALECT/contract-form.ts)", () => {
  it("list every dialect under its own id", () => {
    expect(Object.keys(dialectContractForms)).to.have.members([...DIALECTS]);
    for (const dialect of DIALECTS) expect(dialectContractForms[dialect].id).to.equal(dialect);
  });

  it("import no Pact: nothing under src/providers names @pact-foundation (matchers are passed in)", () => {
    const providersDir = path.join(srcDir, "providers");
    const importers = readdirSync(providersDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((file) =>
        ts
          .preProcessFile(readFileSync(file, "utf8"), true, true)
          .importedFiles.some((i) => i.fileName.startsWith("@pact-foundation")),
      );
    expect(importers).to.deep.equal([]);
  });

  describe("request: the official client's request, what each signed call changes as matchers", () => {
    it("Tencent: a JSON POST to / with X-TC-* exact, the time and a zero-signature TC3 Authorization as regexes", () => {
      const form = dialectContractForms.tencent.request(call("tencent", "cvm"), EXAMPLE, matchers);
      expect(form).to.include({ method: "POST", path: "/" });
      expect(form.query).to.deep.equal({});
      expect(form.body).to.deep.equal({ A: 1 });
      const { headers } = form;
      expect(headers).to.include({
        "X-TC-Action": "DescribeThings",
        "X-TC-Version": product("tencent", "cvm").version,
        "X-TC-Region": product("tencent", "cvm").callRegion,
      });
      expect(expectRegexMatcher(headers["Content-Type"])).to.equal("application/json");
      expect(expectRegexMatcher(headers["X-TC-Timestamp"])).to.equal("1763625600");
      expect(expectRegexMatcher(headers.Authorization)).to.equal(
        `TC3-HMAC-SHA256 Credential=KEY-ID/2025-11-20/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${ZEROS}`,
      );
    });

    it("Alibaba: GET / with every signed parameter in the query, the key, nonce, time and signature as matchers, no body", () => {
      const form = dialectContractForms.alibaba.request(
        call("alibaba", "kms", { KeyId: "k", Count: 2 }),
        EXAMPLE,
        matchers,
      );
      expect(form).to.deep.include({ method: "GET", path: "/", headers: {}, body: undefined });
      const { query } = form;
      expect(query).to.deep.include({
        Action: "DescribeThings",
        Format: "JSON",
        SignatureMethod: "HMAC-SHA1",
        SignatureVersion: "1.0",
        Version: product("alibaba", "kms").version,
        RegionId: product("alibaba", "kms").callRegion,
        KeyId: "k",
        Count: "2",
        AccessKeyId: { like: "KEY-ID" },
      });
      expect(query.SignatureNonce).to.have.property("like");
      expect(query.Signature).to.have.property("like");
      expect(expectRegexMatcher(query.Timestamp)).to.equal("2025-11-20T08:00:00Z");
    });

    it("Zenlayer: a JSON POST to /api/v2/SERVICE with X-ZC-* exact, the time and a zero-signature ZC2 Authorization as regexes", () => {
      const form = dialectContractForms.zenlayer.request(call("zenlayer", "bmc"), EXAMPLE, matchers);
      expect(form).to.include({ method: "POST", path: "/api/v2/bmc" });
      expect(form.headers).to.include({
        "X-ZC-Action": "DescribeThings",
        "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
      });
      expect(expectRegexMatcher(form.headers["X-ZC-Timestamp"])).to.equal("1763625600");
      expect(expectRegexMatcher(form.headers.Authorization)).to.equal(
        `ZC2-HMAC-SHA256 Credential=KEY-ID, SignedHeaders=content-type;host, Signature=${ZEROS}`,
      );
    });
  });

  describe("signReplayed: a replayed request signed again for the target", () => {
    const target = new URL("http://127.0.0.1:8123/");
    const keys = { id: "ID-2", secret: "secret-2", timestamp: 1763629200 };

    it("Tencent: TC3 for the service of its credential scope, with its own Content-Type, path and body", () => {
      const request: ReplayedRequest = {
        method: "post",
        url: "/",
        headers: {
          "content-type": "application/json",
          "x-tc-action": "DescribeThings",
          authorization: `TC3-HMAC-SHA256 Credential=K/2025-11-20/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${ZEROS}`,
        },
        body: { A: 1 },
      };
      dialectContractForms.tencent.signReplayed(request, target, keys, {});
      const expected = signTc3({
        secretId: "ID-2",
        secretKey: "secret-2",
        service: "cvm",
        host: "127.0.0.1",
        timestamp: keys.timestamp,
        contentType: "application/json",
        body: '{"A":1}',
        method: "POST",
        path: "/",
      });
      expect(request.headers).to.include({
        authorization: expected.authorization,
        "x-tc-timestamp": String(keys.timestamp),
      });
    });

    it("Alibaba: RPC HMAC-SHA1 over the query with the overrides, the key id, a fresh nonce and the time", () => {
      const request: ReplayedRequest = {
        method: "GET",
        url: "/?Action=DeleteThing&ThingId=recorded&AccessKeyId=K&SignatureNonce=n&Timestamp=t&Signature=s",
        headers: {},
      };
      dialectContractForms.alibaba.signReplayed(request, target, keys, { ThingId: "created" });
      const params = Object.fromEntries(new URL(request.url, "http://x").searchParams);
      expect(params).to.include({
        Action: "DeleteThing",
        ThingId: "created",
        AccessKeyId: "ID-2",
        Timestamp: "2025-11-20T09:00:00Z",
      });
      expect(params.SignatureNonce).to.not.equal("n");
      const { Signature, ...signed } = params;
      expect(Signature).to.equal(signRpc("GET", signed, "secret-2"));
    });

    it("Zenlayer: ZC2 over its body with its own Content-Type", () => {
      const request: ReplayedRequest = {
        method: "POST",
        url: "/api/v2/bmc",
        headers: { "content-type": "application/json", "x-zc-action": "DescribeThings" },
        body: { A: 1 },
      };
      dialectContractForms.zenlayer.signReplayed(request, target, keys, {});
      const expected = signZc2({
        accessKeyId: "ID-2",
        accessKeyPassword: "secret-2",
        host: "127.0.0.1",
        timestamp: keys.timestamp,
        contentType: "application/json",
        body: '{"A":1}',
        method: "POST",
      });
      expect(request.headers).to.include({
        authorization: expected.authorization,
        "x-zc-timestamp": String(keys.timestamp),
      });
    });

    it("wireCopy: the dialect's headers and its JSON body; Alibaba's query-only GET has none", () => {
      const headers = {
        "content-type": "application/json",
        "x-tc-action": "A",
        "x-zc-action": "B",
        host: "h",
      };
      expect(
        dialectContractForms.tencent.wireCopy({ method: "POST", url: "/", headers, body: { A: 1 } }),
      ).to.deep.equal({
        headers: { "content-type": "application/json", "x-tc-action": "A" },
        body: '{"A":1}',
      });
      expect(dialectContractForms.zenlayer.wireCopy({ method: "POST", url: "/", headers })).to.deep.equal({
        headers: { "content-type": "application/json", "x-zc-action": "B" },
        body: "{}",
      });
      expect(
        dialectContractForms.alibaba.wireCopy({ method: "GET", url: "/?A=1", headers: {} }),
      ).to.deep.equal({
        headers: {},
        body: undefined,
      });
    });
  });

  describe("answers: what the dialect's envelope (envelope.ts) reads back", () => {
    for (const p of PRODUCTS) {
      const form = dialectContractForms[p.dialect];
      const spec = dialectSpecs[p.dialect];
      const uuid = "0a1b2c3d-4e5f-4a6b-a7c8-9d0e1f2a3b4c";
      const requestId = form.exampleRequestId(p.requestIdCase === "upper" ? uuid.toUpperCase() : uuid);

      it(`${p.dialect}/${p.id}: example request IDs fit the contract's regex and the dialect's shape`, () => {
        expect(new RegExp(form.requestIdPattern).test(requestId), requestId).to.equal(true);
        expect(spec.requestIdShape.pattern.test(requestId), requestId).to.equal(true);
      });

      it(`${p.dialect}/${p.id}: a success body classifies as success, its request ID where the dialect reads it`, () => {
        const payload = { [form.requestIdMember]: requestId };
        const body = form.successBody(payload, requestId, matchers) as Record<string, unknown>;
        expect(spec.classify(body, 200, undefined)).to.equal("success");
        expect(resolvePointer(body, spec.payloadPointer)).to.equal(payload);
        const [primary] = spec.requestIdPointers("success");
        const atPrimary = resolvePointer(body, primary ?? "");
        expect(
          typeof atPrimary === "string" ? atPrimary : (atPrimary as { example: string }).example,
        ).to.equal(requestId);
      });

      it(`${p.dialect}/${p.id}: an error body classifies as error, with its code, message and request ID`, () => {
        const status = p.dialect === "zenlayer" ? ("4xx" as const) : p.dialect === "tencent" ? 200 : 400;
        const { example, exact } = form.errorBody({
          product: p,
          region: p.callRegion,
          code: "SomeCode",
          message: "some message",
          requestId,
          status,
        });
        const body = { ...example, ...exact };
        expect(spec.classify(body, status === "4xx" ? 400 : status, undefined)).to.equal("error");
        expect(resolvePointer(body, spec.errorCodePointer)).to.equal("SomeCode");
        expect(resolvePointer(body, spec.errorMessagePointer)).to.equal("some message");
        expect(resolvePointer(body, spec.requestIdPointers("error")[0] ?? "")).to.equal(requestId);
        if (p.errorBodyStatus) expect(exact).to.deep.equal({ HttpStatus: status });
      });
    }

    it("Alibaba's contract regex refuses an all-x placeholder its dialect's shape accepts, and takes the documented masked tail", () => {
      const pattern = new RegExp(dialectContractForms.alibaba.requestIdPattern);
      expect(pattern.test("540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx")).to.equal(true);
      const placeholder = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
      expect(dialectSpecs.alibaba.requestIdShape.pattern.test(placeholder)).to.equal(true);
      expect(pattern.test(placeholder)).to.equal(false);
    });
  });
});
