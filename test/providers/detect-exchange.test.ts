import { expect } from "chai";
import type { RawExchange } from "../../src/model/exchange.js";
import { detectExchange } from "../../src/providers/detect-exchange.js";

function exchange(
  url: string,
  headers: Record<string, string> = {},
  body = "",
  hints?: RawExchange["hints"],
): RawExchange {
  return {
    source: { file: "t.har", index: 0 },
    request: { method: "POST", url, headers, body },
    response: { status: 200, headers: {}, body: "{}", bodySize: 2 },
    ...(hints ? { hints } : {}),
  };
}

const identity = (x: RawExchange, hosts = []) => {
  const d = detectExchange(x, hosts);
  return d.ok ? d.identity : d.reason;
};

describe("detectExchange (DESIGN.md: HAR input)", () => {
  it("Tencent: service from the first label, action from X-TC-Action or the Action parameter", () => {
    expect(
      identity(exchange("https://cvm.tencentcloudapi.com/", { "x-tc-action": "DescribeZones" })),
    ).to.deep.equal({ dialect: "tencent", product: "cvm", action: "DescribeZones", format: "json" });
    expect(
      identity(exchange("https://cvm.ap-guangzhou.tencentcloudapi.com/?Action=RunInstances")),
    ).to.include({ product: "cvm", action: "RunInstances" });
    expect(identity(exchange("https://cvm.intl.tencentcloudapi.com/", { "x-tc-action": "A" }))).to.include({
      product: "cvm",
    });
  });

  it("Alibaba: product from the first label, action from the query, a form body or x-acs-action; format from Format", () => {
    expect(
      identity(exchange("https://kms.cn-hangzhou.aliyuncs.com/?Action=Encrypt&Format=XML")),
    ).to.deep.equal({ dialect: "alibaba", product: "kms", action: "Encrypt", format: "xml" });
    expect(
      identity(
        exchange(
          "https://ess.aliyuncs.com/",
          { "content-type": "application/x-www-form-urlencoded" },
          "Action=DescribeScalingGroups&Format=json",
        ),
      ),
    ).to.deep.equal({ dialect: "alibaba", product: "ess", action: "DescribeScalingGroups", format: "json" });
    expect(
      identity(exchange("https://ecs.cn-shanghai.aliyuncs.com/", { "x-acs-action": "RunInstances" })),
    ).to.include({ product: "ecs", action: "RunInstances", format: "json" });
  });

  it("the API version the request names: X-TC-Version, Version, X-ZC-Version", () => {
    expect(
      identity(
        exchange("https://cvm.tencentcloudapi.com/", { "x-tc-action": "A", "x-tc-version": "2017-03-12" }),
      ),
    ).to.include({ version: "2017-03-12" });
    expect(
      identity(exchange("https://ecs.cn-hangzhou.aliyuncs.com/?Action=DescribeRegions&Version=2014-05-26")),
    ).to.include({ version: "2014-05-26" });
    expect(
      identity(
        exchange("https://console.zenlayer.com/api/v2/vm", {
          "x-zc-action": "A",
          "x-zc-version": "2023-03-13",
        }),
      ),
    ).to.include({ product: "vm", version: "2023-03-13" });
  });

  it("Zenlayer: service from /api/v2/SERVICE, action from X-ZC-Action", () => {
    expect(
      identity(exchange("https://console.zenlayer.com/api/v2/bmc", { "x-zc-action": "CreateInstances" })),
    ).to.deep.equal({ dialect: "zenlayer", product: "bmc", action: "CreateInstances", format: "json" });
  });

  it("maps other hosts from the configuration, exact, with port, or *.suffix", () => {
    const hosts = [
      { host: "127.0.0.1:8080", dialect: "alibaba" as const },
      { host: "*.internal.example", dialect: "tencent" as const, product: "cvm" },
    ];
    expect(
      detectExchange(exchange("http://127.0.0.1:8080/?Action=Encrypt&Version=2016-01-20"), hosts),
    ).to.deep.include({
      ok: true,
      identity: {
        dialect: "alibaba",
        product: "kms",
        action: "Encrypt",
        format: "json",
        version: "2016-01-20",
      },
    });
    expect(
      detectExchange(exchange("http://api.internal.example/", { "x-tc-action": "DescribeZones" }), hosts),
    ).to.deep.include({
      ok: true,
      identity: { dialect: "tencent", product: "cvm", action: "DescribeZones", format: "json" },
    });
  });

  it("recognises an unmapped host by the request's own dialect signs", () => {
    expect(
      identity(
        exchange("http://127.0.0.1:9/", {
          "x-tc-action": "A",
          authorization:
            "TC3-HMAC-SHA256 Credential=AKID/2026-11-20/cvm/tc3_request, SignedHeaders=content-type;host, Signature=x",
        }),
      ),
    ).to.include({ dialect: "tencent", product: "cvm" });
    expect(identity(exchange("http://127.0.0.1:9/api/v2/vm", { "x-zc-action": "A" }))).to.include({
      dialect: "zenlayer",
      product: "vm",
    });
    expect(
      identity(
        exchange(
          "http://127.0.0.1:9/?Action=DescribeScalingGroups&Version=2014-08-28&SignatureMethod=HMAC-SHA1",
        ),
      ),
    ).to.include({ dialect: "alibaba", product: "ess" });
  });

  it("lets a recording's hints override detection", () => {
    expect(
      identity(
        exchange("https://cvm.tencentcloudapi.com/", { "x-tc-action": "A" }, "", {
          action: "B",
          product: "vpc",
        }),
      ),
    ).to.include({ dialect: "tencent", product: "vpc", action: "B" });
    expect(
      identity(exchange("http://10.0.0.1/", {}, "", { dialect: "zenlayer", product: "bmc", action: "X" })),
    ).to.include({ dialect: "zenlayer", action: "X" });
  });

  it("explains what it cannot place", () => {
    expect(identity(exchange("https://www.example.com:8443/"))).to.equal(
      'unknown host www.example.com:8443: not a Tencent Cloud, Alibaba Cloud or Zenlayer endpoint and no X-TC-*, X-ZC-*, x-acs-* header or Alibaba RPC parameters; map it under "hosts" in conformance.config.json',
    );
    expect(identity(exchange("/relative"))).to.match(/not an absolute URL/);
    expect(identity(exchange("https://cvm.tencentcloudapi.com/", {}, "", { dialect: "aws" }))).to.equal(
      'unknown dialect hint "aws" (expected tencent, alibaba or zenlayer)',
    );
  });
});
