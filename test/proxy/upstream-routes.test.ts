import { expect } from "chai";
import { parseUpstreams } from "../../src/cli/proxy-command.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { routeFor } from "../../src/proxy/upstream-routes.js";

describe("--upstream HOST=URL and the routes it makes (src/proxy/upstream-routes.ts)", () => {
  const upstreams = parseUpstreams([
    "CVM.tencentcloudapi.com=https://127.0.0.1:8443",
    "console.zenlayer.com:443=https://gateway.example/zenlayer/",
  ]);

  it("keys are lower-case hosts without the default port", () => {
    expect([...upstreams.keys()]).to.deep.equal(["cvm.tencentcloudapi.com", "console.zenlayer.com"]);
  });

  it("a mapped host goes to the upstream's origin and base path, with the upstream's Host", () => {
    const route = routeFor(new URL("https://console.zenlayer.com/api/v2/bmc?x=1"), upstreams, false);
    expect(route.target.toString()).to.equal("https://gateway.example/zenlayer/api/v2/bmc?x=1");
    expect(route.host).to.equal("gateway.example");
  });

  it("--keep-host keeps the Host the SDK sent; an unmapped host goes where it was meant to", () => {
    expect(routeFor(new URL("https://cvm.tencentcloudapi.com/"), upstreams, true)).to.deep.include({
      host: "cvm.tencentcloudapi.com",
    });
    expect(routeFor(new URL("https://cvm.tencentcloudapi.com/"), upstreams, true).target.host).to.equal(
      "127.0.0.1:8443",
    );
    const unmapped = routeFor(
      new URL("https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys"),
      upstreams,
      false,
    );
    expect(unmapped.target.toString()).to.equal("https://kms.cn-hangzhou.aliyuncs.com/?Action=ListKeys");
    expect(unmapped.host).to.equal("kms.cn-hangzhou.aliyuncs.com");
  });

  it("a malformed, repeated or non-http mapping is a usage error naming it", () => {
    for (const [value, message] of [
      ["cvm.tencentcloudapi.com", "--upstream takes HOST=URL"],
      ["=https://x", "--upstream takes HOST=URL"],
      ["cvm.tencentcloudapi.com=not a url", "not a URL"],
      ["cvm.tencentcloudapi.com=file:///etc/passwd", "not an http(s) URL"],
    ]) {
      expect(() => parseUpstreams([value as string]), value).to.throw(UsageError, message as string);
    }
    expect(() => parseUpstreams(["a.example=http://x", "A.example:443=http://y"])).to.throw(
      UsageError,
      "given twice",
    );
  });

  it("a URL's password never appears in the message", () => {
    expect(() => parseUpstreams(["https://user:hunter2secret@x"]))
      .to.throw(UsageError)
      .that.satisfies((error: Error) => !error.message.includes("hunter2secret"));
  });
});
