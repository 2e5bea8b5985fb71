import { expect } from "chai";
import type { RecordedRequest } from "../../src/model/exchange.js";
import { signRpc } from "../../src/providers/alibaba/rpc-signature.js";
import { detectExchange } from "../../src/providers/detect-exchange.js";
import { DIALECTS } from "../../src/providers/dialect.js";
import { type CallToSign, dialectRequests, publicUrlOf } from "../../src/providers/dialect-requests.js";
import { REDACTED } from "../../src/providers/recording-example.js";
import { findProduct, PRODUCTS } from "../../src/providers/registry.js";
import { signTc3 } from "../../src/providers/tencent/tc3.js";

const { tencent, alibaba, zenlayer } = dialectRequests;

function request(url: string, headers: Record<string, string> = {}, body = ""): RecordedRequest {
  return { method: "POST", url, headers, body };
}

/** What a dialect's module reads from a request at a public host: undefined when the host is not its own. */
function read(dialect: keyof typeof dialectRequests, req: RecordedRequest) {
  const url = new URL(req.url);
  const match = dialectRequests[dialect].matchPublicHost(url.hostname.toLowerCase());
  return match && dialectRequests[dialect].identify(req, url, match.product);
}

function registered(dialect: (typeof DIALECTS)[number], id: string) {
  const product = findProduct(dialect, id);
  if (!product) throw new Error(`no ${dialect}/${id}`);
  return product;
}

describe("dialect requests (src/providers/DIALECT/requests.ts)", () => {
  it("list every dialect under its own id", () => {
    expect(Object.keys(dialectRequests)).to.have.members([...DIALECTS]);
    for (const dialect of DIALECTS) expect(dialectRequests[dialect].id).to.equal(dialect);
  });

  describe("detection: public host → product, action, format", () => {
    it("Tencent: the host's first label, X-TC-Action or the Action parameter, JSON", () => {
      expect(
        read("tencent", request("https://cvm.tencentcloudapi.com/", { "x-tc-action": "DescribeZones" })),
      ).to.deep.equal({ product: "cvm", action: "DescribeZones", format: "json" });
      expect(
        read("tencent", request("https://cbs.ap-guangzhou.tencentcloudapi.com/?Action=DescribeDisks")),
      ).to.deep.equal({ product: "cbs", action: "DescribeDisks", format: "json" });
      expect(read("tencent", request("https://cvm.intl.tencentcloudapi.com/"))).to.deep.equal({
        product: "cvm",
        action: "unknown",
        format: "json",
      });
      expect(tencent.matchPublicHost("tencentcloudapi.com")).to.equal(undefined);
      expect(tencent.matchPublicHost("cvm.tencentcloudapi.com.example")).to.equal(undefined);
      expect(tencent.matchPublicHost("kms.cn-hangzhou.aliyuncs.com")).to.equal(undefined);
    });

    it("Tencent, off its hosts: the service of the TC3 credential scope", () => {
      const req = request("http://127.0.0.1:9/", {
        "x-tc-action": "A",
        authorization: `TC3-HMAC-SHA256 Credential=AKID/2026-11-20/vpc/tc3_request, SignedHeaders=content-type;host, Signature=x`,
      });
      expect(tencent.identify(req, new URL(req.url))).to.include({ product: "vpc", action: "A" });
      expect(tencent.identify(req, new URL(req.url), "cvm")).to.include({ product: "cvm" });
    });

    it("Alibaba: the host's first label, Action from the query, a form body or x-acs-action, Format", () => {
      expect(
        read("alibaba", request("https://kms.cn-hangzhou.aliyuncs.com/?Action=Encrypt&Format=XML")),
      ).to.deep.equal({
        product: "kms",
        action: "Encrypt",
        format: "xml",
      });
      expect(
        read(
          "alibaba",
          request(
            "https://ESS.aliyuncs.com/",
            { "content-type": "application/x-www-form-urlencoded" },
            "Action=DescribeScalingGroups&Format=json",
          ),
        ),
      ).to.deep.equal({ product: "ess", action: "DescribeScalingGroups", format: "json" });
      expect(
        read("alibaba", request("https://ecs.cn-shanghai.aliyuncs.com/", { "x-acs-action": "RunInstances" })),
      ).to.deep.equal({ product: "ecs", action: "RunInstances", format: "json" });
      expect(alibaba.matchPublicHost("console.zenlayer.com")).to.equal(undefined);
    });

    it("Alibaba, off its hosts: the product whose API version the request names", () => {
      const req = request("http://127.0.0.1:9/?Action=Encrypt&Version=2016-01-20");
      expect(alibaba.identify(req, new URL(req.url))).to.include({ product: "kms", action: "Encrypt" });
      const acs3 = request("http://127.0.0.1:9/", { "x-acs-action": "A", "x-acs-version": "2014-08-28" });
      expect(alibaba.identify(acs3, new URL(acs3.url))).to.include({ product: "ess", action: "A" });
    });

    it("Zenlayer: console.zenlayer.com, the service of /api/v2/SERVICE, X-ZC-Action, JSON", () => {
      expect(
        read(
          "zenlayer",
          request("https://console.zenlayer.com/api/v2/bmc", { "x-zc-action": "CreateInstances" }),
        ),
      ).to.deep.equal({ product: "bmc", action: "CreateInstances", format: "json" });
      expect(zenlayer.matchPublicHost("console.zenlayer.com")).to.deep.equal({});
      expect(zenlayer.matchPublicHost("api.zenlayer.com")).to.equal(undefined);
      expect(read("zenlayer", request("https://console.zenlayer.com/"))).to.include({ product: "unknown" });
    });

    it("announce a dialect by its own headers or parameters", () => {
      expect(tencent.announces(request("http://h/", { "x-tc-action": "A" }))).to.equal(true);
      expect(tencent.announces(request("http://h/", { "x-zc-action": "A" }))).to.equal(false);
      expect(zenlayer.announces(request("http://h/", { "x-zc-action": "A" }))).to.equal(true);
      expect(alibaba.announces(request("http://h/", { "x-acs-action": "A" }))).to.equal(true);
      expect(alibaba.announces(request("http://h/?Action=A&Version=V&AccessKeyId=K"))).to.equal(true);
      expect(alibaba.announces(request("http://h/?Action=A&Version=V&SignatureMethod=HMAC-SHA1"))).to.equal(
        true,
      );
      expect(alibaba.announces(request("http://h/?Action=A&Version=V"))).to.equal(false);
      expect(alibaba.announces(request("http://h/", {}, "Action=A&Version=V&AccessKeyId=K"))).to.equal(false);
      expect(
        alibaba.announces(
          request(
            "http://h/",
            { "content-type": "application/x-www-form-urlencoded" },
            "Action=A&Version=V&AccessKeyId=K",
          ),
        ),
      ).to.equal(true);
    });
  });

  describe("public request form", () => {
    it("gives each product's public URL from its service (and call region, for Alibaba)", () => {
      expect(publicUrlOf(registered("tencent", "cvm"))).to.equal("https://cvm.tencentcloudapi.com/");
      expect(publicUrlOf(registered("alibaba", "kms"))).to.equal("https://kms.cn-hangzhou.aliyuncs.com/");
      expect(publicUrlOf(registered("alibaba", "ess"))).to.equal("https://ess.cn-hangzhou.aliyuncs.com/");
      expect(publicUrlOf(registered("alibaba", "ecs"))).to.equal("https://ecs.cn-hangzhou.aliyuncs.com/");
      expect(publicUrlOf(registered("zenlayer", "bmc"))).to.equal("https://console.zenlayer.com/api/v2/bmc");
    });

    it("gives hosts for services the registry does not list", () => {
      expect(tencent.publicHost("vpc")).to.equal("vpc.tencentcloudapi.com");
      expect(alibaba.publicHost("ecs", "eu-central-1")).to.equal("ecs.eu-central-1.aliyuncs.com");
      expect(() => alibaba.publicHost("ecs", null)).to.throw(/names a region/);
      expect(zenlayer.publicHost("vm")).to.equal("console.zenlayer.com");
      expect(zenlayer.publicUrl("vm")).to.equal("https://console.zenlayer.com/api/v2/vm");
    });

    for (const product of PRODUCTS) {
      it(`detects ${product.dialect}/${product.id} back from its public URL`, () => {
        const action = product.calls[0]?.action ?? "A";
        const headers: Record<string, string> =
          product.dialect === "alibaba"
            ? {}
            : { [product.dialect === "tencent" ? "x-tc-action" : "x-zc-action"]: action };
        const query = product.dialect === "alibaba" ? `?Action=${action}&Format=XML` : "";
        const detection = detectExchange({
          source: { file: "t.har", index: 0 },
          request: request(`${publicUrlOf(product)}${query}`, headers),
          response: { status: 200, headers: {}, body: "{}", bodySize: 2 },
        });
        expect(detection).to.deep.equal({
          ok: true,
          identity: {
            dialect: product.dialect,
            product: product.id,
            action,
            format: product.dialect === "alibaba" ? "xml" : "json",
          },
        });
      });
    }

    it("makes Alibaba calls in JSON and XML, the others in JSON", () => {
      expect(tencent.callFormats).to.deep.equal(["json"]);
      expect(alibaba.callFormats).to.deep.equal(["json", "xml"]);
      expect(zenlayer.callFormats).to.deep.equal(["json"]);
    });

    const call: CallToSign = {
      product: "cvm",
      action: "DescribeZones",
      version: "2017-03-12",
      format: "json",
      params: { Limit: 1 },
      region: "ap-guangzhou",
    };
    const keys = { id: "ID", secret: "SECRET", timestamp: 1763625600 };
    const target = new URL("http://127.0.0.1:4010/base/");

    it("Tencent: a TC3-signed JSON POST below the target", () => {
      const out = tencent.signedRequest(call, target, keys);
      expect(out).to.include({ method: "POST", url: "http://127.0.0.1:4010/base/", body: '{"Limit":1}' });
      expect(out.headers).to.include({
        "X-TC-Action": "DescribeZones",
        "X-TC-Version": "2017-03-12",
        "X-TC-Region": "ap-guangzhou",
        "X-TC-Timestamp": "1763625600",
      });
      const expected = signTc3({
        secretId: "ID",
        secretKey: "SECRET",
        service: "cvm",
        host: "127.0.0.1",
        timestamp: 1763625600,
        contentType: "application/json; charset=utf-8",
        body: '{"Limit":1}',
        method: "POST",
        path: "/base/",
      });
      expect(out.headers.Authorization).to.equal(expected.authorization);
      expect(tencent.signedRequest({ ...call, region: null }, target, keys).headers).not.to.have.property(
        "X-TC-Region",
      );
    });

    it("Alibaba: an RPC GET with every parameter in the query, signed with HMAC-SHA1", () => {
      const out = alibaba.signedRequest(
        {
          ...call,
          product: "kms",
          action: "Encrypt",
          version: "2016-01-20",
          format: "xml",
          params: { KeyId: "k 1" },
          region: "cn-hangzhou",
        },
        target,
        keys,
      );
      expect(out).to.include({ method: "GET", body: "" });
      expect(out.headers).to.deep.equal({});
      const url = new URL(out.url);
      expect(url.pathname).to.equal("/base/");
      expect(out.url).to.include("KeyId=k%201");
      const params = Object.fromEntries(url.searchParams);
      expect(params).to.include({
        AccessKeyId: "ID",
        Action: "Encrypt",
        Format: "XML",
        RegionId: "cn-hangzhou",
        Timestamp: "2025-11-20T08:00:00Z",
        Version: "2016-01-20",
      });
      const { Signature, ...signed } = params;
      expect(Signature).to.equal(signRpc("GET", signed, "SECRET"));
    });

    it("Zenlayer: a ZC2-signed JSON POST to /api/v2/SERVICE below the target", () => {
      const out = zenlayer.signedRequest(
        { ...call, product: "bmc", action: "DescribeZones", version: "2022-11-20", region: null },
        target,
        keys,
      );
      expect(out).to.include({ method: "POST", url: "http://127.0.0.1:4010/base/api/v2/bmc" });
      expect(out.headers).to.include({
        "X-ZC-Action": "DescribeZones",
        "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
      });
      expect(out.headers.Authorization).to.match(/^ZC2-HMAC-SHA256 Credential=ID, /);
    });

    it("record examples at the public URL with credentials redacted", () => {
      const example = {
        comment: "c",
        action: "Encrypt",
        format: "xml" as const,
        status: 200,
        body: "<KMS><RequestId>R-1</RequestId></KMS>",
      };
      const kms = alibaba.recordedCall(registered("alibaba", "kms"), example);
      expect(kms.url.startsWith("https://kms.cn-hangzhou.aliyuncs.com/?")).to.equal(true);
      expect(new URL(kms.url).searchParams.get("Signature")).to.equal(REDACTED);
      expect(kms).to.include({ method: "GET", contentType: "text/xml;charset=utf-8" });
      expect(kms.responseHeaders).to.deep.equal({ "x-acs-request-id": "R-1" });
      const cvm = tencent.recordedCall(registered("tencent", "cvm"), {
        ...example,
        action: "DescribeZones",
        body: {},
      });
      expect(cvm).to.include({ method: "POST", url: "https://cvm.tencentcloudapi.com/", requestBody: "{}" });
      expect(cvm.requestHeaders.Authorization).to.include(`Credential=${REDACTED}/`);
      const bmc = zenlayer.recordedCall(registered("zenlayer", "bmc"), {
        ...example,
        action: "DescribeZones",
        body: {},
      });
      expect(bmc).to.include({ method: "POST", url: "https://console.zenlayer.com/api/v2/bmc" });
    });
  });
});
