// Every signing vector of ../shared/reference/provider-facts.md §4.
import { expect } from "chai";
import { signAcs3 } from "../../src/providers/alibaba/acs3.js";
import { signRpc } from "../../src/providers/alibaba/rpc-signature.js";
import { sha256Hex } from "../../src/providers/signing-kit/crypto-helpers.js";
import { signTc3 } from "../../src/providers/tencent/tc3.js";
import { signZc2 } from "../../src/providers/zenlayer/zc2.js";

describe("signing vectors (provider-facts.md §4)", () => {
  describe("Tencent TC3-HMAC-SHA256", () => {
    const body = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    const request = {
      secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
      service: "cvm",
      host: "cvm.tencentcloudapi.com",
      timestamp: 1551113065,
      contentType: "application/json; charset=utf-8",
      body,
    };

    it("vector 1: body hash, canonical hash and signature", () => {
      expect(sha256Hex(body)).to.equal("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
      const signed = signTc3({ ...request, secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******" });
      expect(sha256Hex(signed.canonicalRequest)).to.equal(
        "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
      );
      expect(signed.signature).to.equal("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
      expect(signed.authorization).to.equal(
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
      );
    });

    it("vector 2: the same request with another secret key", () => {
      expect(signTc3({ ...request, secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE" }).signature).to.equal(
        "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
      );
    });

    it("vector 3: tencentcloud-sdk-nodejs test/common/sign.test.ts", () => {
      const signed = signTc3({
        secretId: "test-secret-id",
        secretKey: "test-secret-key",
        service: "cvm",
        host: "cvm.tencentcloudapi.com",
        timestamp: 1640995200,
        contentType: "application/json",
        body: '{"Action":"DescribeInstances","Version":"2017-03-12"}',
      });
      expect(signed.signature).to.equal("96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3");
    });
  });

  describe("Alibaba RPC HMAC-SHA1 (SignatureVersion 1.0)", () => {
    const common = { AccessKeyId: "testid", SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0" };

    it("vector 1: DescribeDedicatedHosts", () => {
      const params = {
        ...common,
        Action: "DescribeDedicatedHosts",
        Format: "JSON",
        RegionId: "cn-beijing",
        SignatureNonce: "edb2b34af0af9a6d14deaf7c1a5315eb",
        Timestamp: "2023-03-13T08:34:30Z",
        Version: "2014-05-26",
      };
      expect(signRpc("GET", params, "testsecret")).to.equal("9NaGiOspFP5UPcwX8Iwt2YJXXuk=");
    });

    it("vector 2: DescribeRegions in XML", () => {
      const params = {
        ...common,
        Action: "DescribeRegions",
        Format: "XML",
        SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        Timestamp: "2016-02-23T12:46:24Z",
        Version: "2014-05-26",
      };
      expect(signRpc("GET", params, "testsecret")).to.equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    });

    it("vector 3: ESS documentation (pairs joined by %26, not the printed &)", () => {
      const params = {
        ...common,
        TimeStamp: "2014-08-15T11:10:07Z",
        Format: "xml",
        Action: "DescribeScalingGroups",
        RegionId: "cn-qingdao",
        SignatureNonce: "1324fd0e-e2bb-4bb1-917c-bd6e437f1710",
        Version: "2014-08-28",
      };
      expect(signRpc("GET", params, "testsecret")).to.equal("SmhZuLUnXmqxSEZ/GqyiwGqmf+M=");
    });

    it("ignores a Signature parameter already present", () => {
      const params = {
        ...common,
        Action: "DescribeRegions",
        Format: "XML",
        SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        Timestamp: "2016-02-23T12:46:24Z",
        Version: "2014-05-26",
      };
      expect(signRpc("GET", { ...params, Signature: "x" }, "testsecret")).to.equal(
        "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
      );
    });
  });

  describe("Alibaba ACS3-HMAC-SHA256", () => {
    it("vector: RunInstances", () => {
      const signed = signAcs3({
        method: "POST",
        path: "/",
        query: { ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", RegionId: "cn-shanghai" },
        headers: {
          host: "ecs.cn-shanghai.aliyuncs.com",
          "x-acs-action": "RunInstances",
          "x-acs-version": "2014-05-26",
          "x-acs-date": "2023-10-26T10:22:32Z",
          "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
          "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        },
        body: "",
        accessKeyId: "YourAccessKeyId",
        accessKeySecret: "YourAccessKeySecret",
      });
      expect(sha256Hex(signed.canonicalRequest)).to.equal(
        "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
      );
      expect(signed.signature).to.equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
      expect(signed.authorization).to.match(
        /^ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e/,
      );
    });
  });

  describe("Zenlayer ZC2-HMAC-SHA256", () => {
    const request = {
      accessKeyId: "id",
      accessKeyPassword: "Gu5t9xGARNpq86cd98joQYCN3",
      host: "console.zenlayer.com",
      timestamp: 1673361177,
      body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
    };

    it("vector: DescribeInstances with application/json; charset=utf-8", () => {
      expect(sha256Hex(request.body)).to.equal(
        "5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a",
      );
      const signed = signZc2({ ...request, contentType: "application/json; charset=utf-8" });
      expect(sha256Hex(signed.canonicalRequest)).to.equal(
        "29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee",
      );
      expect(signed.signature).to.equal("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f");
    });

    it("vector: the same with application/json (what the Go SDK sends)", () => {
      expect(signZc2({ ...request, contentType: "application/json" }).signature).to.equal(
        "9fdd5117d611874c57b6514c5265c94aee7b716f33906836f9ebda1b56cbc119",
      );
    });
  });
});
