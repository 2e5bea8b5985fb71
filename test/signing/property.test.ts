// Property tests: every request signer agrees with the provider's OFFICIAL implementation on random inputs,
// and a signature depends on every input it is meant to cover. Official implementations (see ./official-sdks.ts):
//   TC3  tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js  Sign.sign3 (Authorization header)
//   RPC  @alicloud/openapi-util dist/client.js getRPCSignature, and a real @alicloud/pop-core RPCClient.request
//        captured by an in-process HTTP server (pop-core exports no pure signer)
//   ACS3 @alicloud/openapi-util dist/client.js getAuthorization
//   ZC2  no npm SDK: checked against signTc3's canonical request and the published algorithm
import { createHash, createHmac } from "node:crypto";
import { Agent, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import querystring from "node:querystring";
import { expect } from "chai";
import fc from "fast-check";
import { signAcs3 } from "../../src/providers/alibaba/acs3.js";
import { signRpc } from "../../src/providers/alibaba/rpc-signature.js";
import { signTc3 } from "../../src/providers/tencent/tc3.js";
import { signZc2 } from "../../src/providers/zenlayer/zc2.js";
import {
  openApiUtil,
  PopRPCClient,
  type TeaRequestLike,
  tencentJsonStringify,
  tencentSign3,
} from "./official-sdks.js";

const RUNS = 200;
const SEED = 20250611;
const params = { numRuns: RUNS, seed: SEED };

const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const show = (value: unknown): string => JSON.stringify(value);

// ---------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const charsOf = (chars: string): fc.Arbitrary<string> => fc.constantFrom(...Array.from(chars));
const UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/** One printable ASCII character, with `*` (the masked-key character of the published vectors) favoured. */
const printableChar = fc.oneof(
  fc.constant("*"),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
);
const printable = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: printableChar, minLength, maxLength });

/** Characters that percent-encoding and JSON serialisers treat specially, plus any code point at all. */
const trickyUnit = fc.oneof(
  charsOf(" *~/+=&%?#!'()[]:@$,;\"\\\t\n"),
  fc.constantFrom(
    "é",
    "ß",
    "中",
    "文",
    "😀",
    "👍🏽",
    "\u00ad",
    "\u007f",
    "\u0085",
    "\u2028",
    "\u200d",
    "\ufeff",
    "\uffff",
  ),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
);
const tricky = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: trickyUnit, minLength, maxLength });

const lowerLetters = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: charsOf("abcdefghijklmnopqrstuvwxyz"), minLength, maxLength });

/** DNS host names as the URL parser keeps them (lower case, letters-only top-level label). */
const hostArb = fc.oneof(
  fc.constantFrom(
    "cvm.tencentcloudapi.com",
    "kms.cn-hangzhou.aliyuncs.com",
    "console.zenlayer.com",
    "127.0.0.1",
  ),
  fc
    .tuple(
      fc.array(
        fc.string({ unit: charsOf("abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 10 }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      lowerLetters(2, 6),
    )
    .map(([labels, tld]) => [...labels, tld].join(".")),
);

const DAY = 86_400;
const LAST_DAY_OF_9999 = 2_932_896; // days from 1970-01-01 to 9999-12-31
/** Unix seconds from 1970 to 9999, with extra weight on the seconds either side of a UTC midnight. */
const timestampArb = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800 }),
  fc.integer({ min: 0, max: 253_402_300_799 }),
  fc
    .tuple(fc.integer({ min: 1, max: LAST_DAY_OF_9999 }), fc.integer({ min: -2, max: 1 }))
    .map(([day, offset]) => day * DAY + offset),
);

const contentTypeArb = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
    "text/plain; charset=UTF-8",
  ),
  printable(0, 40),
);

/** A single-character edit of a printable secret: [original, edited]. */
const secretAndEdit = printable(1, 48).chain((secret) =>
  fc
    .tuple(fc.nat({ max: secret.length - 1 }), printableChar)
    .filter(([index, replacement]) => secret[index] !== replacement)
    .map(([index, replacement]): [string, string] => [
      secret,
      secret.slice(0, index) + replacement + secret.slice(index + 1),
    ]),
);

// ---------------------------------------------------------------------------------------------------------
// Tencent TC3-HMAC-SHA256 vs tencentcloud-sdk-nodejs-common Sign.sign3
// ---------------------------------------------------------------------------------------------------------

describe("signing properties: each signer agrees with the official implementation", function () {
  this.timeout(60_000);

  describe("TC3-HMAC-SHA256 vs tencentcloud-sdk-nodejs-common Sign.sign3", () => {
    const tc3Common = fc.record({
      secretId: printable(1, 40),
      secretKey: printable(1, 48),
      service: lowerLetters(1, 12),
      host: hostArb,
      port: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
      timestamp: timestampArb,
      contentType: contentTypeArb,
    });

    it("POST: Authorization equals sign3's for random JSON payloads (body = the SDK's json-bigint text)", () => {
      fc.assert(
        fc.property(
          tc3Common,
          fc.dictionary(tricky(0, 12), fc.jsonValue({ stringUnit: trickyUnit, maxDepth: 3 }), {
            maxKeys: 6,
            noNullPrototype: true,
          }),
          (c, payload) => {
            const url = `https://${c.host}${c.port === undefined ? "" : `:${c.port}`}/`;
            const official = tencentSign3({
              method: "POST",
              url,
              payload,
              timestamp: c.timestamp,
              service: c.service,
              secretId: c.secretId,
              secretKey: c.secretKey,
              headers: { "Content-Type": c.contentType },
            });
            // What the SDK sends and hashes: JSONbig.stringify(payload), not JSON.stringify.
            const body = tencentJsonStringify(payload);
            const ours = signTc3({ ...c, host: c.host, body });
            expect(
              ours.authorization,
              `TC3 POST disagrees with sign3 for ${show({ ...c, url, body })}`,
            ).to.equal(official);
          },
        ),
        params,
      );
    });

    it("a sequence of requests that share or change secret, service and day each signs as sign3 (the derived key is reused only when all three are the same)", () => {
      const request = fc.record({
        secretKey: fc.constantFrom("SecretKeyNumberOne0000", "SecretKeyNumberTwo0000"),
        service: fc.constantFrom("cvm", "cbs"),
        // Two seconds of one day and one of the next.
        timestamp: fc.constantFrom(1764460800, 1764460801, 1764547200),
      });
      fc.assert(
        fc.property(fc.array(request, { minLength: 2, maxLength: 12 }), (sequence) => {
          for (const r of sequence) {
            const official = tencentSign3({
              method: "POST",
              url: "https://cvm.tencentcloudapi.com/",
              payload: {},
              timestamp: r.timestamp,
              service: r.service,
              secretId: "AKIDsequence",
              secretKey: r.secretKey,
              headers: { "Content-Type": "application/json" },
            });
            const ours = signTc3({
              ...r,
              secretId: "AKIDsequence",
              host: "cvm.tencentcloudapi.com",
              contentType: "application/json",
              body: "{}",
            });
            expect(ours.authorization, show({ sequence, r })).to.equal(official);
          }
        }),
        params,
      );
    });

    it("GET: Authorization equals sign3's with the SDK's querystring and an empty payload", () => {
      fc.assert(
        fc.property(
          tc3Common,
          fc.dictionary(tricky(0, 12), tricky(0, 16), { maxKeys: 6, noNullPrototype: true }),
          (c, data) => {
            // http_connection.js: url += "?" + querystring.stringify(data); payload = "" for GET. sign3 then
            // signs new URL(url).search, which re-encodes what querystring leaves raw (' → %27), and that
            // URL-serialised query is also what goes on the wire, so it is what our signer must be given.
            const url = `https://${c.host}${c.port === undefined ? "" : `:${c.port}`}/?${querystring.stringify(data)}`;
            const official = tencentSign3({
              method: "GET",
              url,
              payload: "",
              timestamp: c.timestamp,
              service: c.service,
              secretId: c.secretId,
              secretKey: c.secretKey,
              headers: { "Content-Type": c.contentType },
            });
            const ours = signTc3({ ...c, method: "GET", query: new URL(url).search.slice(1), body: "" });
            expect(ours.authorization, `TC3 GET disagrees with sign3 for ${show({ ...c, url })}`).to.equal(
              official,
            );
          },
        ),
        params,
      );
    });

    it("a one-character change of the secret key changes the signature", () => {
      fc.assert(
        fc.property(tc3Common, secretAndEdit, tricky(0, 40), (c, [secretKey, edited], body) => {
          const before = signTc3({ ...c, secretKey, body }).signature;
          const after = signTc3({ ...c, secretKey: edited, body }).signature;
          expect(
            after,
            `TC3 signature unchanged when ${show(secretKey)} became ${show(edited)}`,
          ).to.not.equal(before);
        }),
        params,
      );
    });
  });

  // -------------------------------------------------------------------------------------------------------
  // Alibaba RPC (HMAC-SHA1, SignatureVersion 1.0)
  // -------------------------------------------------------------------------------------------------------

  describe("Alibaba RPC HMAC-SHA1 vs @alicloud/openapi-util and @alicloud/pop-core", () => {
    // Every parameter but Signature is signed; the SDKs never hand Signature to their signer (pop-core also
    // upper-cases the first letter, so "signature" would become a second Signature). "__proto__" is left out:
    // openapi-util's toMap and pop-core's formatParams assign it as a prototype and silently drop it.
    const paramName = tricky(0, 12).filter(
      (name) => name !== "Signature" && name !== "signature" && name !== "__proto__",
    );
    const rpcParams = fc.dictionary(paramName, tricky(0, 20), { maxKeys: 10, noNullPrototype: true });

    it("signRpc equals openapi-util getRPCSignature(signedParams, method, secret)", () => {
      fc.assert(
        fc.property(rpcParams, fc.constantFrom("GET", "POST"), printable(1, 48), (signed, method, secret) => {
          const official = openApiUtil.getRPCSignature(signed, method, secret);
          expect(
            signRpc(method, signed, secret),
            `RPC disagrees with getRPCSignature for ${show({ method, secret, signed })}`,
          ).to.equal(official);
        }),
        params,
      );
    });

    describe("against a real pop-core RPCClient request captured in-process", () => {
      let server: Server;
      let endpoint = "";
      const agent = new Agent({ keepAlive: true });
      /** Requests the capture server received, oldest first. */
      const captured: { method: string; url: string; body: string }[] = [];

      before(async () => {
        server = createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on("data", (chunk: Buffer) => chunks.push(chunk));
          req.on("end", () => {
            captured.push({
              method: req.method ?? "",
              url: req.url ?? "",
              body: Buffer.concat(chunks).toString("utf8"),
            });
            res.writeHead(200, { "content-type": "application/json" });
            res.end('{"RequestId":"x"}');
          });
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      });

      after(async () => {
        agent.destroy();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });

      /** Decodes a pop-core query/form string (pairs joined by &, %XX escapes, no `+` for space). */
      const decodePairs = (text: string): [string, string][] =>
        text
          .split("&")
          .filter((pair) => pair !== "")
          .map((pair) => {
            const eq = pair.indexOf("=");
            return [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))];
          });

      it("signRpc over the received parameters reproduces the Signature pop-core sent (GET and POST)", async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.record({
              accessKeyId: printable(1, 30),
              accessKeySecret: printable(1, 48),
              apiVersion: fc.oneof(fc.constantFrom("2016-01-20", "2014-08-28"), printable(1, 12)),
              action: fc.string({
                unit: charsOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
                minLength: 1,
                maxLength: 20,
              }),
              method: fc.constantFrom("GET", "POST"),
              requestParams: rpcParams,
            }),
            async (r) => {
              captured.length = 0;
              const client = new PopRPCClient({
                accessKeyId: r.accessKeyId,
                accessKeySecret: r.accessKeySecret,
                endpoint,
                apiVersion: r.apiVersion,
              });
              await client.request(r.action, r.requestParams, { method: r.method, agent });
              expect(captured, "pop-core should send exactly one request").to.have.length(1);
              const sent = captured[0];
              if (sent === undefined) throw new Error("no request captured");
              expect(sent.method).to.equal(r.method);
              const text = r.method === "GET" ? sent.url.slice(sent.url.indexOf("?") + 1) : sent.body;
              const pairs = decodePairs(text);
              const received = Object.fromEntries(pairs);
              expect(Object.keys(received), `duplicate parameter names in ${text}`).to.have.length(
                pairs.length,
              );
              const signature = received.Signature;
              expect(signature, `no Signature in ${text}`).to.be.a("string");
              const context = `${show({ ...r, sent: text })}`;
              expect(
                signRpc(r.method, received, r.accessKeySecret),
                `signRpc ≠ pop-core's Signature: ${context}`,
              ).to.equal(signature);
              const { Signature: _omitted, ...signedParams } = received;
              expect(
                openApiUtil.getRPCSignature(signedParams, r.method, r.accessKeySecret),
                `getRPCSignature ≠ pop-core's Signature: ${context}`,
              ).to.equal(signature);
            },
          ),
          { ...params },
        );
      });
    });

    it("a one-character change of the secret changes the signature", () => {
      fc.assert(
        fc.property(
          rpcParams,
          fc.constantFrom("GET", "POST"),
          secretAndEdit,
          (signed, method, [secret, edited]) => {
            expect(
              signRpc(method, signed, edited),
              `RPC signature unchanged when ${show(secret)} became ${show(edited)}`,
            ).to.not.equal(signRpc(method, signed, secret));
          },
        ),
        params,
      );
    });
  });

  // -------------------------------------------------------------------------------------------------------
  // Alibaba ACS3-HMAC-SHA256 vs @alicloud/openapi-util getAuthorization
  // -------------------------------------------------------------------------------------------------------

  describe("ACS3-HMAC-SHA256 vs @alicloud/openapi-util getAuthorization", () => {
    const headerSuffix = fc.string({
      unit: charsOf("abcdefghijklmnopqrstuvwxyz0123456789-"),
      minLength: 1,
      maxLength: 16,
    });
    /** How a header name is spelt (names equal but for case: see the edge cases below). */
    const nameStyle = fc.constantFrom("lower", "upper", "title");
    const styled = (name: string, style: string): string =>
      style === "upper"
        ? name.toUpperCase()
        : style === "title"
          ? name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
          : name;
    const acs3Request = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"),
      // openapi-client signs "/" for RPC-style calls and a getEncodePath-encoded pathname for ROA-style ones.
      path: fc.oneof(
        fc.constant("/"),
        fc
          .array(tricky(0, 10), { minLength: 1, maxLength: 4 })
          .map((segments) => openApiUtil.getEncodePath(`/${segments.join("/")}`)),
      ),
      // Names from RFC 3986 unreserved characters only: openapi-util signs names unencoded (see the edge cases).
      query: fc.dictionary(fc.string({ unit: charsOf(UNRESERVED), maxLength: 12 }), tricky(0, 20), {
        maxKeys: 8,
        noNullPrototype: true,
      }),
      host: hostArb,
      hostStyle: nameStyle,
      acsHeaders: fc.dictionary(headerSuffix, fc.tuple(tricky(0, 24), nameStyle), {
        maxKeys: 6,
        noNullPrototype: true,
      }),
      contentType: fc.option(fc.tuple(contentTypeArb, nameStyle), { nil: undefined }),
      unsignedHeaders: fc.dictionary(
        fc.constantFrom(
          "user-agent",
          "Accept",
          "x-sdk-client",
          "Content-Length",
          "authorization-x",
          "x-acsx",
        ),
        printable(0, 20),
        { noNullPrototype: true },
      ),
      sendContentSha256: fc.boolean(),
      body: tricky(0, 60),
      accessKeyId: printable(1, 30),
      accessKeySecret: printable(1, 48),
    });
    type Acs3Case = ValueOf<typeof acs3Request>;

    const buildHeaders = (r: Acs3Case): Record<string, string> => {
      const headers: Record<string, string> = { ...r.unsignedHeaders, [styled("host", r.hostStyle)]: r.host };
      for (const [suffix, [value, style]] of Object.entries(r.acsHeaders)) {
        if (suffix !== "content-sha256") headers[styled(`x-acs-${suffix}`, style)] = value;
      }
      if (r.contentType !== undefined) headers[styled("content-type", r.contentType[1])] = r.contentType[0];
      // openapi-client sets x-acs-content-sha256 to the very payload hash it hands getAuthorization.
      if (r.sendContentSha256) headers["x-acs-content-sha256"] = sha256Hex(r.body);
      return headers;
    };

    it("signAcs3's Authorization equals getAuthorization's", () => {
      fc.assert(
        fc.property(acs3Request, (r) => {
          const headers = buildHeaders(r);
          const request: TeaRequestLike = { pathname: r.path, method: r.method, query: r.query, headers };
          const official = openApiUtil.getAuthorization(
            request,
            "ACS3-HMAC-SHA256",
            sha256Hex(r.body),
            r.accessKeyId,
            r.accessKeySecret,
          );
          const ours = signAcs3({ ...r, headers });
          expect(
            ours.authorization,
            `ACS3 disagrees with getAuthorization for ${show({ ...request, body: r.body })}`,
          ).to.equal(official);
        }),
        params,
      );
    });

    it("a one-character change of the secret changes the signature", () => {
      fc.assert(
        fc.property(acs3Request, secretAndEdit, (r, [secret, edited]) => {
          const headers = buildHeaders(r);
          const before = signAcs3({ ...r, headers, accessKeySecret: secret }).signature;
          const after = signAcs3({ ...r, headers, accessKeySecret: edited }).signature;
          expect(after, `ACS3 signature unchanged when ${show(secret)} became ${show(edited)}`).to.not.equal(
            before,
          );
        }),
        params,
      );
    });
  });

  // -------------------------------------------------------------------------------------------------------
  // Zenlayer ZC2-HMAC-SHA256 (no npm SDK): TC3's canonical request with path "/", one HMAC with the password
  // -------------------------------------------------------------------------------------------------------

  describe("ZC2-HMAC-SHA256 (no official npm SDK)", () => {
    const zc2Input = fc.record({
      accessKeyId: printable(1, 30),
      accessKeyPassword: printable(1, 48),
      host: hostArb,
      timestamp: timestampArb,
      contentType: contentTypeArb,
      body: tricky(0, 80),
      method: fc.constantFrom("POST", "GET"),
    });

    it("the canonical request is signTc3's with path / and empty query; the signature is HMAC(password, ZC2 string)", () => {
      fc.assert(
        fc.property(zc2Input, printable(1, 20), lowerLetters(1, 12), (z, secretKey, service) => {
          const ours = signZc2(z);
          const tc3 = signTc3({
            secretId: z.accessKeyId,
            secretKey,
            service,
            host: z.host,
            timestamp: z.timestamp,
            contentType: z.contentType,
            body: z.body,
            method: z.method,
            path: "/",
            query: "",
          });
          expect(ours.canonicalRequest, `ZC2 canonical request ≠ TC3's for ${show(z)}`).to.equal(
            tc3.canonicalRequest,
          );
          const expected = createHmac("sha256", z.accessKeyPassword)
            .update(`ZC2-HMAC-SHA256\n${z.timestamp}\n${sha256Hex(tc3.canonicalRequest)}`, "utf8")
            .digest("hex");
          expect(ours.signature, `ZC2 signature for ${show(z)}`).to.equal(expected);
          expect(ours.authorization).to.equal(
            `ZC2-HMAC-SHA256 Credential=${z.accessKeyId}, SignedHeaders=content-type;host, Signature=${expected}`,
          );
        }),
        params,
      );
    });

    it("changing any one of password, timestamp, body, host or content type changes the signature", () => {
      const change = fc.oneof(
        fc.record({ field: fc.constant("accessKeyPassword" as const), value: printable(1, 48) }),
        fc.record({ field: fc.constant("timestamp" as const), value: timestampArb }),
        fc.record({ field: fc.constant("body" as const), value: tricky(0, 80) }),
        fc.record({ field: fc.constant("host" as const), value: hostArb }),
        fc.record({ field: fc.constant("contentType" as const), value: contentTypeArb }),
      );
      fc.assert(
        fc.property(
          fc.tuple(zc2Input, change).filter(([z, { field, value }]) => z[field] !== value),
          ([z, { field, value }]) => {
            const changed = { ...z, [field]: value } as typeof z;
            expect(
              signZc2(changed).signature,
              `ZC2 signature unchanged when ${field} went from ${show(z[field])} to ${show(value)}`,
            ).to.not.equal(signZc2(z).signature);
          },
        ),
        params,
      );
    });

    it("a one-character change of the password changes the signature", () => {
      fc.assert(
        fc.property(zc2Input, secretAndEdit, (z, [password, edited]) => {
          expect(
            signZc2({ ...z, accessKeyPassword: edited }).signature,
            `ZC2 signature unchanged when ${show(password)} became ${show(edited)}`,
          ).to.not.equal(signZc2({ ...z, accessKeyPassword: password }).signature);
        }),
        params,
      );
    });
  });

  // -------------------------------------------------------------------------------------------------------
  // Edge cases the properties found, with their minimal counterexamples. Two were our signers' faults and are
  // fixed (the tests assert agreement). The query-name one is a decision: signAcs3 encodes names as the
  // ACS3 specification says, openapi-util signs them raw; every real Alibaba parameter name is plain
  // letters and dots, where both agree, so the generator above stays within those.
  // -------------------------------------------------------------------------------------------------------

  describe("edge cases the properties found (minimal counterexamples)", () => {
    it("ACS3: header names equal but for case are merged into one, values sorted and joined (fixed)", () => {
      const headers = { host: "h", "x-acs-a": "2", "X-Acs-A": "1" };
      const official = openApiUtil.getAuthorization(
        { pathname: "/", method: "GET", query: {}, headers },
        "ACS3-HMAC-SHA256",
        sha256Hex(""),
        "id",
        "s",
      );
      const ours = signAcs3({
        method: "GET",
        path: "/",
        query: {},
        headers,
        body: "",
        accessKeyId: "id",
        accessKeySecret: "s",
      });
      expect(ours.canonicalRequest).to.contain("x-acs-a:1,2\n");
      expect(ours.authorization).to.equal(official);
    });

    it("ACS3: a query name outside RFC 3986 unreserved is signed encoded by signAcs3, raw by getAuthorization", () => {
      const request = { method: "GET", path: "/", query: { "a b": "1" }, headers: { host: "h" } };
      const official = openApiUtil.getAuthorization(
        { pathname: request.path, method: request.method, query: request.query, headers: request.headers },
        "ACS3-HMAC-SHA256",
        sha256Hex(""),
        "id",
        "s",
      );
      const ours = signAcs3({ ...request, body: "", accessKeyId: "id", accessKeySecret: "s" });
      // Canonical query: signAcs3 "a%20b=1" (names and values encoded); getAuthorization "a b=1".
      expect(ours.canonicalRequest.split("\n")[2]).to.equal("a%20b=1");
      expect(ours.authorization).to.not.equal(official);
    });

    it("TC3: a timestamp after 9999-12-31 is dated as sign3 dates it, 10000-01-01 (fixed)", () => {
      const timestamp = 253_402_300_800; // 10000-01-01T00:00:00Z
      const official = tencentSign3({
        method: "POST",
        url: "https://h/",
        payload: {},
        timestamp,
        service: "a",
        secretId: "i",
        secretKey: "k",
        headers: { "Content-Type": "" },
      });
      const ours = signTc3({
        secretId: "i",
        secretKey: "k",
        service: "a",
        host: "h",
        timestamp,
        contentType: "",
        body: "{}",
      });
      expect(ours.authorization).to.equal(official);
    });
  });
});
