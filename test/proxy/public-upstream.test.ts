import { expect } from "chai";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import { dialectRequests } from "../../src/providers/dialect-requests.js";
import type { CallToSign } from "../../src/providers/request-form.js";
import { publicUpstreamOf } from "../../src/proxy/public-upstream.js";

/** A request as an official SDK pointed at the proxy's address makes it: signed for 127.0.0.1. */
function signedAt(dialect: "tencent" | "alibaba" | "zenlayer", call: CallToSign) {
  const request = dialectRequests[dialect].signedRequest(call, new URL("http://127.0.0.1:8080"), {
    ...SANDBOX_CREDENTIALS[dialect],
    timestamp: 1_763_625_600,
  });
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const url = new URL(request.url);
  return publicUpstreamOf({ ...request, headers }, `${url.pathname}${url.search}`);
}

const call = (product: string, version: string, region: string | null): CallToSign => ({
  product,
  action: "Describe",
  version,
  format: "json",
  params: {},
  region,
});

describe("the public host a reverse-mode request names (src/proxy/public-upstream.ts)", () => {
  it("Tencent: the TC3 credential scope's service, when the suite knows it", () => {
    expect(signedAt("tencent", call("cvm", "2017-03-12", "ap-guangzhou"))?.url.toString()).to.equal(
      "https://cvm.tencentcloudapi.com/",
    );
    expect(signedAt("tencent", call("vpc", "2017-03-12", "ap-guangzhou"))?.url.host).to.equal(
      "vpc.tencentcloudapi.com",
    );
    // What tencentcloud-sdk-nodejs signs when its endpoint is 127.0.0.1: the address's first label.
    expect(signedAt("tencent", call("127", "2017-03-12", "ap-guangzhou"))).to.equal(undefined);
  });

  it("Alibaba: the product of its Version, at its RegionId's endpoint; Zenlayer: console.zenlayer.com", () => {
    const kms = signedAt("alibaba", call("kms", "2016-01-20", "cn-shanghai"));
    expect(kms?.url.host).to.equal("kms.cn-shanghai.aliyuncs.com");
    expect(kms?.url.searchParams.get("Action")).to.equal("Describe");
    expect(signedAt("alibaba", call("ess", "2014-08-28", "cn-hangzhou"))?.url.host).to.equal(
      "ess.aliyuncs.com",
    );
    expect(signedAt("zenlayer", call("bmc", "2022-11-20", null))?.url.toString()).to.equal(
      "https://console.zenlayer.com/api/v2/bmc",
    );
  });

  it("a request that announces no dialect names no upstream", () => {
    expect(
      publicUpstreamOf({ method: "GET", url: "http://127.0.0.1/", headers: {}, body: "" }, "/"),
    ).to.equal(undefined);
  });
});
