import type { IncomingMessage } from "node:http";
import { expect } from "chai";
import { requestParams } from "../../src/model/request-params.js";
import { signAcs3 } from "../../src/providers/alibaba/acs3.js";
import { alibabaRequests } from "../../src/providers/alibaba/requests.js";
import { signRpc } from "../../src/providers/alibaba/rpc-signature.js";
import { verifyAcs3 } from "../../src/providers/alibaba/sandbox/verify-acs3.js";
import { verifyRpc } from "../../src/providers/alibaba/sandbox/verify-rpc.js";
import { type Credentials, type KeyPair, SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";
import type { CallToSign, OutgoingRequest } from "../../src/providers/request-form.js";
import { type ResignOutcome, resignForHost } from "../../src/providers/resign-request.js";
import { parseAuthorization } from "../../src/providers/sandbox-kit/authorization-header.js";
import { type SandboxRequest, toSandboxRequest } from "../../src/providers/sandbox-kit/sandbox-request.js";
import { parseUnixSeconds } from "../../src/providers/sandbox-kit/timestamps.js";
import { sha256Hex } from "../../src/providers/signing-kit/crypto-helpers.js";
import { tencentRequests } from "../../src/providers/tencent/requests.js";
import { parseTc3Credential, verifyTc3 } from "../../src/providers/tencent/sandbox/verify-tc3.js";
import { signTc3 } from "../../src/providers/tencent/tc3.js";
import { zenlayerRequests } from "../../src/providers/zenlayer/requests.js";
import { verifyZc2 } from "../../src/providers/zenlayer/sandbox/verify-zc2.js";
import { signZc2 } from "../../src/providers/zenlayer/zc2.js";

/** Where the SDK sent its requests (the proxy, reverse mode) and signed them for. */
const PROXY = new URL("http://127.0.0.1:8080/");
/** 2025-11-20T08:00:00Z. */
const TIMESTAMP = 1763625600;

/** Keys the proxy re-signs with, other than the ones the SDK signed with (SANDBOX_CREDENTIALS). */
const UPSTREAM: Credentials = {
  tencent: { id: "AKIDupstreamEXAMPLE00000000000000000", secret: "UpstreamTencentSecretKeyEXAMPLE0" },
  alibaba: { id: "LTAI5tUpstreamEXAMPLE000", secret: "UpstreamAlibabaAccessKeySecretE" },
  zenlayer: { id: "ZLUPSTREAMEXAMPLEKEYID00", secret: "UpstreamZenlayerPasswordEXAMPLE0" },
};

const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** The request as the proxy hands it over: header names lower-cased, as Node's IncomingMessage has them. */
const asReceived = (request: OutgoingRequest): OutgoingRequest => ({
  ...request,
  headers: lowerCased(request.headers),
});

/** The request sent unchanged but for its Host header. */
const withHost = (request: OutgoingRequest, host: string): OutgoingRequest => ({
  ...request,
  headers: { ...lowerCased(request.headers), host },
});

/**
 * The request as the sandbox reads it off the wire: what http.request sends for the URL (its path and
 * query), read by the sandbox's own toSandboxRequest, which only looks at the message's method, url and
 * headers.
 */
function sandboxRequestOf(request: OutgoingRequest): SandboxRequest {
  const url = new URL(request.url);
  const message = { method: request.method, url: `${url.pathname}${url.search}`, headers: request.headers };
  return toSandboxRequest(message as unknown as IncomingMessage, Buffer.from(request.body, "utf8"));
}

/** Whether the sandbox's TC3 verifier accepts the request with `secret`. */
function verifiesTc3(request: OutgoingRequest, secret: string): boolean {
  const sandbox = sandboxRequestOf(request);
  const auth = parseAuthorization(sandbox.headers.authorization, "TC3-HMAC-SHA256");
  const credential = auth && parseTc3Credential(auth.credential);
  const timestamp = parseUnixSeconds(sandbox.headers["x-tc-timestamp"]);
  if (!auth || !credential || timestamp === undefined) throw new Error("not a TC3 request");
  return verifyTc3(sandbox, auth, credential, secret, timestamp);
}

/** Whether the sandbox's ACS3 verifier accepts the request with `secret`. */
function verifiesAcs3(request: OutgoingRequest, secret: string): boolean {
  const sandbox = sandboxRequestOf(request);
  const auth = parseAuthorization(sandbox.headers.authorization, "ACS3-HMAC-SHA256");
  if (!auth) throw new Error("not an ACS3 request");
  return verifyAcs3(sandbox, auth, secret).ok;
}

/** Whether the sandbox's ZC2 verifier accepts the request with `secret`. */
function verifiesZc2(request: OutgoingRequest, secret: string): boolean {
  const sandbox = sandboxRequestOf(request);
  const auth = parseAuthorization(sandbox.headers.authorization, "ZC2-HMAC-SHA256");
  const timestamp = parseUnixSeconds(sandbox.headers["x-zc-timestamp"]);
  if (!auth || timestamp === undefined) throw new Error("not a ZC2 request");
  return verifyZc2(sandbox, auth, secret, timestamp);
}

/** The key id an Authorization names (TC3: before the scope). */
const credentialOf = (request: OutgoingRequest) =>
  /Credential=([^/,\s]+)/.exec(request.headers.authorization ?? "")?.[1];

function resigned(outcome: ResignOutcome): OutgoingRequest {
  if (!outcome.resigned) throw new Error(`not re-signed: ${outcome.reason}`);
  return outcome.request;
}

function notResigned(outcome: ResignOutcome): { reason: string; request: OutgoingRequest } {
  if (outcome.resigned) throw new Error(`re-signed with ${outcome.scheme}`);
  return outcome;
}

const TENCENT_CALL: CallToSign = {
  product: "cvm",
  action: "DescribeZones",
  version: "2017-03-12",
  format: "json",
  params: { Limit: 1, Filters: [{ Name: "zone", Values: ["ap-guangzhou-3"] }] },
  region: "ap-guangzhou",
};

const ZENLAYER_CALL: CallToSign = {
  product: "bmc",
  action: "DescribeInstances",
  version: "2022-11-20",
  format: "json",
  params: { pageSize: 10, pageNum: 1, zoneId: "HKG-A" },
  region: null,
};

/** A Tencent call signed for the proxy's address the way tencentcloud-sdk-nodejs signs it. */
const tencentCall = (keys: KeyPair = SANDBOX_CREDENTIALS.tencent, target = PROXY) =>
  tencentRequests.signedRequest(TENCENT_CALL, target, { ...keys, timestamp: TIMESTAMP });

const zenlayerCall = (keys: KeyPair = SANDBOX_CREDENTIALS.zenlayer) =>
  zenlayerRequests.signedRequest(ZENLAYER_CALL, PROXY, { ...keys, timestamp: TIMESTAMP });

/**
 * An RPC-style call signed ACS3-HMAC-SHA256 as @alicloud/openapi-client sends one with a form body:
 * lower-case headers, host, content-type and every x-acs-* signed, a User-Agent that is not.
 */
function alibabaAcs3Call(host: string, keys: KeyPair = SANDBOX_CREDENTIALS.alibaba): OutgoingRequest {
  const query = { RegionId: "cn-hangzhou", PageSize: "10", Tag: "a b*~" };
  const body = "ScalingGroupName=web%20tier&MaxSize=3";
  const headers: Record<string, string> = {
    host,
    "content-type": "application/x-www-form-urlencoded",
    "x-acs-action": "DescribeScalingGroups",
    "x-acs-version": "2014-08-28",
    "x-acs-date": "2025-11-20T08:00:00Z",
    "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    "x-acs-content-sha256": sha256Hex(body),
    "user-agent": "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.7.12 TeaDSL/1",
  };
  const { authorization } = signAcs3({
    method: "POST",
    path: "/",
    query,
    headers,
    body,
    accessKeyId: keys.id,
    accessKeySecret: keys.secret,
  });
  const { host: _host, ...sent } = headers;
  const url = new URL(`http://${host}/`);
  url.search = new URLSearchParams(query).toString().replace(/\+/g, "%20");
  return { method: "POST", url: url.toString(), headers: { ...sent, authorization }, body };
}

describe("resignForHost (src/providers/resign-request.ts)", () => {
  const credentials = SANDBOX_CREDENTIALS;

  describe("Tencent TC3-HMAC-SHA256", () => {
    const upstream = "cvm.tencentcloudapi.com";

    it("signs the request for the new host: it verifies there, the original does not", () => {
      const original = asReceived(tencentCall());
      expect(verifiesTc3(withHost(original, "127.0.0.1:8080"), credentials.tencent.secret)).to.equal(true);
      expect(verifiesTc3(withHost(original, upstream), credentials.tencent.secret)).to.equal(false);

      const outcome = resignForHost(original, upstream, credentials);
      expect(outcome).to.include({ resigned: true, dialect: "tencent", scheme: "TC3-HMAC-SHA256" });
      const sent = resigned(outcome);
      expect(sent.headers.host).to.equal(upstream);
      expect(verifiesTc3(sent, credentials.tencent.secret)).to.equal(true);
    });

    it("keeps what else was signed: timestamp, scope service and date, method, URL, content type, body", () => {
      const original = asReceived(tencentCall());
      const sent = resigned(resignForHost(original, upstream, credentials));
      expect(sent.method).to.equal(original.method);
      expect(sent.url).to.equal(original.url);
      expect(sent.body).to.equal(original.body);
      const { authorization: before, ...unsigned } = original.headers;
      const { authorization: after, host, ...rest } = sent.headers;
      expect(rest).to.deep.equal(unsigned);
      expect(after).to.match(/^TC3-HMAC-SHA256 Credential=[^/]+\/2025-11-20\/cvm\/tc3_request, /);
      expect(after).to.not.equal(before);
    });

    it('options.service replaces the scope\'s service: an SDK pointed at 127.0.0.1 signs the service "127"', () => {
      const original = asReceived(
        tencentRequests.signedRequest({ ...TENCENT_CALL, product: "127" }, PROXY, {
          ...SANDBOX_CREDENTIALS.tencent,
          timestamp: TIMESTAMP,
        }),
      );
      expect(original.headers.authorization).to.contain("/127/tc3_request");
      const kept = resigned(resignForHost(original, upstream, credentials));
      expect(kept.headers.authorization).to.contain("/127/tc3_request");
      const sent = resigned(resignForHost(original, upstream, credentials, { service: "cvm" }));
      expect(sent.headers.authorization).to.match(/Credential=[^/]+\/2025-11-20\/cvm\/tc3_request, /);
      expect(verifiesTc3(sent, credentials.tencent.secret)).to.equal(true);
    });

    it("signs the path and query the URL sends", () => {
      const below = asReceived(
        tencentCall(SANDBOX_CREDENTIALS.tencent, new URL("http://127.0.0.1:8080/tencent")),
      );
      expect(new URL(below.url).pathname).to.equal("/tencent/");
      expect(verifiesTc3(resigned(resignForHost(below, upstream, credentials)), credentials.tencent.secret))
        .to.be.true;

      const query = "Action=DescribeZones&Limit=1&Version=2017-03-12";
      const { authorization } = signTc3({
        secretId: credentials.tencent.id,
        secretKey: credentials.tencent.secret,
        service: "cvm",
        host: "127.0.0.1",
        timestamp: TIMESTAMP,
        contentType: "application/x-www-form-urlencoded",
        body: "",
        method: "GET",
        query,
      });
      const get: OutgoingRequest = {
        method: "GET",
        url: `http://127.0.0.1:8080/?${query}`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-tc-timestamp": String(TIMESTAMP),
          authorization,
        },
        body: "",
      };
      expect(verifiesTc3(withHost(get, "127.0.0.1:8080"), credentials.tencent.secret)).to.equal(true);
      const sent = resigned(resignForHost(get, upstream, credentials));
      expect(verifiesTc3(sent, credentials.tencent.secret)).to.equal(true);
      expect(
        verifiesTc3({ ...sent, url: `http://127.0.0.1:8080/?${query}&Offset=0` }, credentials.tencent.secret),
      ).to.be.false;
    });

    it("signs the host exactly as given, port included", () => {
      const sent = resigned(resignForHost(asReceived(tencentCall()), "127.0.0.1:9000", credentials));
      expect(sent.headers.host).to.equal("127.0.0.1:9000");
      expect(verifiesTc3(sent, credentials.tencent.secret)).to.equal(true);
      // The verifier also tries the host without its port: a signature over "127.0.0.1" would pass here.
      expect(verifiesTc3(withHost(sent, "127.0.0.1:9001"), credentials.tencent.secret)).to.equal(false);
    });

    it("refuses a credential scope dated otherwise than the timestamp's UTC date", () => {
      const original = asReceived(tencentCall());
      const authorization = original.headers.authorization?.replace("/2025-11-20/", "/2025-11-21/") ?? "";
      const outcome = notResigned(
        resignForHost(
          { ...original, headers: { ...original.headers, authorization } },
          upstream,
          credentials,
        ),
      );
      expect(outcome.reason)
        .to.include("2025-11-21")
        .and.include("2025-11-20")
        .and.include(String(TIMESTAMP));
      expect(outcome.reason).to.not.include(credentials.tencent.secret);
      expect(outcome.request.headers).to.include({ host: upstream, authorization });
    });

    it("refuses a TC3 Authorization without a credential scope, or a request without X-TC-Timestamp", () => {
      const original = asReceived(tencentCall());
      const garbled = { ...original.headers, authorization: "TC3-HMAC-SHA256 Credential=AKID, Signature=x" };
      expect(
        notResigned(resignForHost({ ...original, headers: garbled }, upstream, credentials)).reason,
      ).to.match(/TC3-HMAC-SHA256.*Credential=ID\/DATE\/SERVICE\/tc3_request/);
      const { "x-tc-timestamp": _timestamp, ...untimed } = original.headers;
      expect(
        notResigned(resignForHost({ ...original, headers: untimed }, upstream, credentials)).reason,
      ).to.include("X-TC-Timestamp");
    });
  });

  describe("Alibaba ACS3-HMAC-SHA256", () => {
    const upstream = "ess.aliyuncs.com";

    it("signs the request for the new host: it verifies there, the original does not", () => {
      const original = alibabaAcs3Call("127.0.0.1:8080");
      expect(verifiesAcs3(withHost(original, "127.0.0.1:8080"), credentials.alibaba.secret)).to.equal(true);
      expect(verifiesAcs3(withHost(original, upstream), credentials.alibaba.secret)).to.equal(false);

      const outcome = resignForHost(original, upstream, credentials);
      expect(outcome).to.include({ resigned: true, dialect: "alibaba", scheme: "ACS3-HMAC-SHA256" });
      const sent = resigned(outcome);
      expect(sent.headers.host).to.equal(upstream);
      expect(verifiesAcs3(sent, credentials.alibaba.secret)).to.equal(true);
    });

    it("signs again the headers first signed, as sent, x-acs-content-sha256 included", () => {
      const original = alibabaAcs3Call("127.0.0.1:8080");
      const sent = resigned(resignForHost(original, upstream, credentials));
      expect(sent.url).to.equal(original.url);
      expect(sent.body).to.equal(original.body);
      const { authorization: _before, ...unsigned } = original.headers;
      const { authorization, host: _host, ...rest } = sent.headers;
      expect(rest).to.deep.equal(unsigned);
      expect(authorization).to.match(
        /^ACS3-HMAC-SHA256 Credential=[^,]+,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/,
      );
      // Changing a signed header after re-signing breaks the signature: it was signed.
      const later = { ...sent, headers: { ...sent.headers, "x-acs-date": "2025-11-20T08:00:01Z" } };
      expect(verifiesAcs3(later, credentials.alibaba.secret)).to.equal(false);
    });

    it("refuses a signature over a header ACS3 re-signing does not sign", () => {
      const original = alibabaAcs3Call("127.0.0.1:8080");
      const authorization = (original.headers.authorization ?? "").replace(
        "SignedHeaders=content-type;host;",
        "SignedHeaders=content-type;host;user-agent;",
      );
      const outcome = notResigned(
        resignForHost(
          { ...original, headers: { ...original.headers, authorization } },
          upstream,
          credentials,
        ),
      );
      expect(outcome.reason).to.include("user-agent");
      expect(outcome.request.headers).to.include({ host: upstream, authorization });
    });
  });

  describe("Zenlayer ZC2-HMAC-SHA256", () => {
    const upstream = "console.zenlayer.com";

    it("signs the request for the new host: it verifies there, the original does not", () => {
      const original = asReceived(zenlayerCall());
      expect(verifiesZc2(withHost(original, "127.0.0.1:8080"), credentials.zenlayer.secret)).to.equal(true);
      expect(verifiesZc2(withHost(original, upstream), credentials.zenlayer.secret)).to.equal(false);

      const outcome = resignForHost(original, upstream, credentials);
      expect(outcome).to.include({ resigned: true, dialect: "zenlayer", scheme: "ZC2-HMAC-SHA256" });
      const sent = resigned(outcome);
      expect(sent.headers.host).to.equal(upstream);
      expect(sent.url).to.equal(original.url);
      expect(sent.body).to.equal(original.body);
      expect(verifiesZc2(sent, credentials.zenlayer.secret)).to.equal(true);
    });

    it("refuses a request without X-ZC-Timestamp", () => {
      const { "x-zc-timestamp": _timestamp, ...untimed } = asReceived(zenlayerCall()).headers;
      const outcome = notResigned(
        resignForHost({ ...zenlayerCall(), headers: untimed }, upstream, credentials),
      );
      expect(outcome.reason).to.include("X-ZC-Timestamp");
      expect(outcome.request.headers.host).to.equal(upstream);
    });
  });

  describe("the key pair", () => {
    it("is the request's dialect's in `credentials`, not the one the SDK signed with", () => {
      const cases = [
        { dialect: "tencent", original: tencentCall(), verifies: verifiesTc3 },
        { dialect: "alibaba", original: alibabaAcs3Call("127.0.0.1:8080"), verifies: verifiesAcs3 },
        { dialect: "zenlayer", original: zenlayerCall(), verifies: verifiesZc2 },
      ] as const;
      for (const { dialect, original, verifies } of cases) {
        expect(credentialOf(asReceived(original)), dialect).to.equal(SANDBOX_CREDENTIALS[dialect].id);
        const sent = resigned(resignForHost(asReceived(original), "upstream.example:8443", UPSTREAM));
        expect(credentialOf(sent), dialect).to.equal(UPSTREAM[dialect].id);
        expect(verifies(sent, UPSTREAM[dialect].secret), dialect).to.equal(true);
        expect(verifies(sent, SANDBOX_CREDENTIALS[dialect].secret), dialect).to.equal(false);
      }
    });
  });

  describe("header names", () => {
    it("reads them in any case and sends them lower-cased, with one host", () => {
      const original = { ...tencentCall(), headers: { ...tencentCall().headers, Host: "127.0.0.1:8080" } };
      expect(Object.keys(original.headers)).to.include.members([
        "Content-Type",
        "X-TC-Timestamp",
        "Authorization",
      ]);
      const sent = resigned(resignForHost(original, "cvm.tencentcloudapi.com", credentials));
      expect(Object.keys(sent.headers)).to.have.members([
        "content-type",
        "x-tc-action",
        "x-tc-version",
        "x-tc-timestamp",
        "x-tc-region",
        "authorization",
        "host",
      ]);
      expect(sent.headers.host).to.equal("cvm.tencentcloudapi.com");
      expect(verifiesTc3(sent, credentials.tencent.secret)).to.equal(true);

      const acs3 = alibabaAcs3Call("127.0.0.1:8080");
      const shouted = Object.fromEntries(
        Object.entries(acs3.headers).map(([name, value]) => [
          name.replace(/(^|-)[a-z]/g, (c) => c.toUpperCase()),
          value,
        ]),
      );
      expect(shouted).to.have.property("X-Acs-Date");
      const sentAcs3 = resigned(
        resignForHost({ ...acs3, headers: shouted }, "ess.aliyuncs.com", credentials),
      );
      expect(Object.keys(sentAcs3.headers).every((name) => name === name.toLowerCase())).to.equal(true);
      expect(verifiesAcs3(sentAcs3, credentials.alibaba.secret)).to.equal(true);
    });
  });

  describe("requests that are not re-signed", () => {
    it("Alibaba RPC: its HMAC-SHA1 does not sign the host, the request goes unchanged but for it", () => {
      const call: CallToSign = {
        product: "kms",
        action: "ListKeys",
        version: "2016-01-20",
        format: "json",
        params: { PageSize: 10 },
        region: "cn-hangzhou",
      };
      const original = alibabaRequests.signedRequest(call, PROXY, {
        ...credentials.alibaba,
        timestamp: TIMESTAMP,
      });
      const outcome = notResigned(resignForHost(original, "kms.cn-hangzhou.aliyuncs.com", credentials));
      expect(outcome.reason).to.include("does not sign the host");
      expect(outcome.request).to.deep.equal({
        ...original,
        headers: { host: "kms.cn-hangzhou.aliyuncs.com" },
      });
      const params = requestParams(outcome.request);
      expect(verifyRpc("GET", params, credentials.alibaba.secret, params.get("Signature") ?? "")).to.equal(
        true,
      );
    });

    it("Alibaba RPC with its parameters in a form body", () => {
      const params: Record<string, string> = {
        AccessKeyId: credentials.alibaba.id,
        Action: "DescribeScalingGroups",
        Format: "JSON",
        RegionId: "cn-hangzhou",
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: "1324fd0e-e2bb-4bb1-917c-bd6e437f1710",
        SignatureVersion: "1.0",
        Timestamp: "2025-11-20T08:00:00Z",
        Version: "2014-08-28",
      };
      params.Signature = signRpc("POST", params, credentials.alibaba.secret);
      const original: OutgoingRequest = {
        method: "POST",
        url: "http://127.0.0.1:8080/",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params).toString(),
      };
      const outcome = notResigned(resignForHost(original, "ess.aliyuncs.com", credentials));
      expect(outcome.reason).to.include("does not sign the host");
      expect(outcome.request).to.deep.equal({
        ...original,
        headers: { ...original.headers, host: "ess.aliyuncs.com" },
      });
    });

    it("no signature at all", () => {
      const { Authorization: _authorization, ...headers } = zenlayerCall().headers;
      const outcome = notResigned(
        resignForHost({ ...zenlayerCall(), headers }, "console.zenlayer.com", credentials),
      );
      expect(outcome.reason).to.include("no signature");
      expect(outcome.request.headers).to.deep.equal({ ...lowerCased(headers), host: "console.zenlayer.com" });
    });

    it("another scheme (Zenlayer's Bearer token): named, its credentials never quoted", () => {
      const original: OutgoingRequest = {
        method: "POST",
        url: "http://127.0.0.1:8080/api/v2/bmc",
        headers: { authorization: "Bearer zl-token-SECRET-0123456789", "x-zc-action": "DescribeInstances" },
        body: "{}",
      };
      const outcome = notResigned(resignForHost(original, "console.zenlayer.com", credentials));
      expect(outcome.reason).to.include('"Bearer"').and.not.include("zl-token");
      expect(outcome.request.headers).to.deep.equal({ ...original.headers, host: "console.zenlayer.com" });

      const bare = { ...original, headers: { authorization: "zl-token-SECRET-0123456789" } };
      expect(notResigned(resignForHost(bare, "console.zenlayer.com", credentials)).reason).to.not.include(
        "zl-token",
      );
    });
  });

  describe("provider-facts.md §4 vectors, re-signed from a request signed for another host", () => {
    it("Tencent TC3 vectors 1 and 3", () => {
      const vectors = [
        {
          keys: { id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", secret: "Gu5t9xGARNpq86cd98joQYCN3*******" },
          timestamp: 1551113065,
          contentType: "application/json; charset=utf-8",
          body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
          authorization:
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
        },
        {
          keys: { id: "test-secret-id", secret: "test-secret-key" },
          timestamp: 1640995200,
          contentType: "application/json",
          body: '{"Action":"DescribeInstances","Version":"2017-03-12"}',
          authorization:
            "TC3-HMAC-SHA256 Credential=test-secret-id/2022-01-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3",
        },
      ];
      for (const vector of vectors) {
        const { authorization } = signTc3({
          secretId: vector.keys.id,
          secretKey: vector.keys.secret,
          service: "cvm",
          host: "127.0.0.1",
          timestamp: vector.timestamp,
          contentType: vector.contentType,
          body: vector.body,
        });
        const original: OutgoingRequest = {
          method: "POST",
          url: PROXY.toString(),
          headers: {
            "content-type": vector.contentType,
            "x-tc-timestamp": String(vector.timestamp),
            authorization,
          },
          body: vector.body,
        };
        const sent = resigned(
          resignForHost(original, "cvm.tencentcloudapi.com", { ...credentials, tencent: vector.keys }),
        );
        expect(sent.headers.authorization).to.equal(vector.authorization);
      }
    });

    it("Alibaba ACS3 RunInstances", () => {
      const headers = {
        host: "127.0.0.1:8443",
        "x-acs-action": "RunInstances",
        "x-acs-version": "2014-05-26",
        "x-acs-date": "2023-10-26T10:22:32Z",
        "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
        "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      };
      const query = {
        ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
        RegionId: "cn-shanghai",
      };
      const keys = { id: "YourAccessKeyId", secret: "YourAccessKeySecret" };
      const { authorization } = signAcs3({
        method: "POST",
        path: "/",
        query,
        headers,
        body: "",
        accessKeyId: keys.id,
        accessKeySecret: keys.secret,
      });
      const { host: _host, ...sent } = headers;
      const original: OutgoingRequest = {
        method: "POST",
        url: `https://127.0.0.1:8443/?${new URLSearchParams(query)}`,
        headers: { ...sent, authorization },
        body: "",
      };
      const outcome = resignForHost(original, "ecs.cn-shanghai.aliyuncs.com", {
        ...credentials,
        alibaba: keys,
      });
      expect(resigned(outcome).headers.authorization).to.equal(
        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
      );
    });

    it("Zenlayer ZC2 DescribeInstances, with both content types", () => {
      const body = '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}';
      const keys = { id: "id", secret: "Gu5t9xGARNpq86cd98joQYCN3" };
      const expected = {
        "application/json; charset=utf-8": "efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f",
        "application/json": "9fdd5117d611874c57b6514c5265c94aee7b716f33906836f9ebda1b56cbc119",
      };
      for (const [contentType, signature] of Object.entries(expected)) {
        const { authorization } = signZc2({
          accessKeyId: keys.id,
          accessKeyPassword: keys.secret,
          host: "127.0.0.1",
          timestamp: 1673361177,
          contentType,
          body,
        });
        const original: OutgoingRequest = {
          method: "POST",
          url: "http://127.0.0.1:8080/api/v2/bmc",
          headers: {
            "content-type": contentType,
            "x-zc-action": "DescribeInstances",
            "x-zc-version": "2022-11-20",
            "x-zc-timestamp": "1673361177",
            "x-zc-signature-method": "ZC2-HMAC-SHA256",
            authorization,
          },
          body,
        };
        const sent = resigned(
          resignForHost(original, "console.zenlayer.com", { ...credentials, zenlayer: keys }),
        );
        expect(sent.headers.authorization).to.equal(
          `ZC2-HMAC-SHA256 Credential=id, SignedHeaders=content-type;host, Signature=${signature}`,
        );
      }
    });
  });
});
