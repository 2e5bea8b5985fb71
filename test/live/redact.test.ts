import { expect } from "chai";
import { REDACTED, redactExchange } from "../../src/live/redact.js";
import type { RawExchange } from "../../src/model/exchange.js";

const secret = "SandboxAlibabaAccessKeySecretEX";
const keyId = "LTAI5tSandboxEXAMPLE0000";

const exchange: RawExchange = {
  source: { file: "https://user:pass@kms.cn-hangzhou.aliyuncs.com/", index: 0 },
  request: {
    method: "POST",
    url: `https://kms.cn-hangzhou.aliyuncs.com/?AccessKeyId=${keyId}&Action=Encrypt&Signature=abc%2Bdef%3D&SecurityToken=sts-value-1`,
    headers: {
      authorization: `TC3-HMAC-SHA256 Credential=${keyId}/x, Signature=abc`,
      "x-acs-security-token": "sts-value-2",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: `Password=hunter2&KeyId=key-1&Echo=${secret}`,
  },
  response: {
    status: 200,
    headers: { "set-cookie": "session=1", "x-echo": keyId },
    body: `{"RequestId":"x","Note":"${secret}"}`,
    bodySize: 10,
  },
};

describe("redactExchange", () => {
  const redacted = redactExchange(exchange, [keyId, secret]);
  const text = JSON.stringify(redacted);

  it("leaves no credential, signature, token or password anywhere", () => {
    for (const leaked of [
      keyId,
      secret,
      "abc%2Bdef",
      "hunter2",
      "sts-value-1",
      "sts-value-2",
      "user:pass",
      "session=1",
    ])
      expect(text, leaked).not.to.include(leaked);
  });

  it("replaces them by name and keeps everything else", () => {
    expect(redacted.request.headers.authorization).to.equal(REDACTED);
    const url = new URL(redacted.request.url);
    expect(url.searchParams.get("Signature")).to.equal(REDACTED);
    expect(url.searchParams.get("AccessKeyId")).to.equal(REDACTED);
    expect(url.searchParams.get("Action")).to.equal("Encrypt");
    expect(new URLSearchParams(redacted.request.body).get("KeyId")).to.equal("key-1");
    expect(redacted.response.status).to.equal(200);
    expect(redacted.source.file).to.equal("https://kms.cn-hangzhou.aliyuncs.com/");
  });
});
