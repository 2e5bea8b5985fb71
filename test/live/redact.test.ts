import { expect } from "chai";
import fc from "fast-check";
import {
  displayUrl,
  MIN_SCRUBBED_LENGTH,
  REDACTED,
  redactExchange,
  runSecrets,
  scrubText,
} from "../../src/live/redact.js";
import type { RawExchange } from "../../src/model/exchange.js";
import { SANDBOX_CREDENTIALS } from "../../src/providers/credentials.js";

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

describe("redactExchange: what a target echoes back", () => {
  const tc3Signature = "0f3c5a9b2d7e41c8a6b3f0e9d8c7b6a5948372615f4e3d2c1b0a998877665544";
  const authorization = `TC3-HMAC-SHA256 Credential=${keyId}/2024-05-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${tc3Signature}`;
  const rpcSignature = "q0Vx+/ab3Ld9Zk2mPo8s=";

  it("scrubs the request's own signature and key id from response headers and bodies, in every spelling", () => {
    const echoed: RawExchange = {
      source: { file: "http://127.0.0.1:1/", index: 0 },
      request: {
        method: "GET",
        url: `http://127.0.0.1:1/?AccessKeyId=${keyId}&Signature=${encodeURIComponent(rpcSignature)}&SignatureMethod=HMAC-SHA1`,
        headers: { authorization },
        body: "",
      },
      response: {
        status: 200,
        headers: { "x-echo": `${authorization} ${encodeURIComponent(rpcSignature)}` },
        body: JSON.stringify({
          Auth: authorization,
          Query: `Signature=${encodeURIComponent(rpcSignature)}`,
          Raw: rpcSignature,
          Xml: `<S>${rpcSignature}</S>`,
          Method: "HMAC-SHA1",
        }),
        bodySize: 10,
      },
    };
    const text = JSON.stringify(redactExchange(echoed, []));
    for (const leaked of [keyId, tc3Signature, rpcSignature, encodeURIComponent(rpcSignature)])
      expect(text, leaked).not.to.include(leaked);
    // Only credential values go: the signing method is not a secret.
    expect(JSON.parse(redactExchange(echoed, []).response.body).Method).to.equal("HMAC-SHA1");
    expect(JSON.parse(redactExchange(echoed, []).response.body).Raw).to.equal(REDACTED);
  });

  it("scrubs a secret that is JSON- or XML-escaped in a body, and leaves short values alone", () => {
    const odd = 'pa"ss<word>&1234';
    const xmlText = 'pa"ss&lt;word&gt;&amp;1234';
    const xmlAttribute = "pa&quot;ss&lt;word&gt;&amp;1234";
    const body = `{"a":${JSON.stringify(odd)}}<x>${xmlText}</x><y a="${xmlAttribute}"/> Code pw`;
    const redacted = redactExchange({ ...exchange, response: { ...exchange.response, body } }, [odd, "pw"]);
    expect(redacted.response.body).to.equal(
      `{"a":"${REDACTED}"}<x>${REDACTED}</x><y a="${REDACTED}"/> Code pw`,
    );
    expect(scrubText(`${encodeURIComponent(odd)} ${new URLSearchParams({ odd })}`, [odd])).to.equal(
      `${REDACTED} odd=${REDACTED}`,
    );
    expect(MIN_SCRUBBED_LENGTH).to.equal(8);
  });
});

// Each way a target may echo a value: as it is, in a URL (encodeURIComponent, RFC 3986), in a form
// (URLSearchParams), in a JSON string, in XML text and attributes.
const echoes: Record<string, (value: string) => string> = {
  raw: (value) => value,
  uriComponent: encodeURIComponent,
  rfc3986: (value) =>
    encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  form: (value) => new URLSearchParams({ v: value }).toString().slice(2),
  json: (value) => JSON.stringify(value).slice(1, -1),
  xml: (value) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  xmlAttribute: (value) =>
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;"),
};

describe("scrubText: every spelling of a secret", () => {
  const secrets = fc.oneof(
    fc.string({ minLength: MIN_SCRUBBED_LENGTH, maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: MIN_SCRUBBED_LENGTH, maxLength: 20 }),
    fc.stringMatching(/^[A-Za-z0-9+/=~!*'() ]{8,40}$/),
  );

  it("is gone from a text that echoes it in any of them, whatever characters it has", () => {
    fc.assert(
      fc.property(secrets, fc.constantFrom(...Object.keys(echoes)), (secret, way) => {
        const echoed = (echoes[way] as (value: string) => string)(secret);
        expect(scrubText(`<${echoed}>`, [secret])).to.equal(`<${REDACTED}>`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("redactExchange: the request's own values, in whatever spelling the target echoes them", () => {
  // What authorizationParts can take apart: no space or comma in either, no "/" in the key id.
  const keyIds = fc.stringMatching(/^[A-Za-z0-9+=~!*'()&<>"-]{8,30}$/);
  const signatures = fc.stringMatching(/^[A-Za-z0-9+/=~!*'()&<>"-]{8,30}$/);

  it("scrubs its Authorization value, signature and key id from the response, and changes nothing it does not echo", () => {
    fc.assert(
      fc.property(
        keyIds,
        signatures,
        fc.constantFrom("whole", "signature", "keyId"),
        fc.constantFrom(...Object.keys(echoes)),
        fc.boolean(),
        (keyId, signature, which, way, inHeader) => {
          const authorization = `TC3-HMAC-SHA256 Credential=${keyId}/2026-11-30/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
          const value = { whole: authorization, signature, keyId }[which];
          const echoed = (echoes[way] as (v: string) => string)(value);
          const quiet = '{"Response":{"RequestId":"6b1c0f1e-4a7e-4a7e-9d1c-0f1e4a7e9d1c"}}';
          const exchange = (body: string, header: string): RawExchange => ({
            source: { file: "http://127.0.0.1:1/", index: 0 },
            request: { method: "POST", url: "http://127.0.0.1:1/", headers: { authorization }, body: "{}" },
            response: { status: 200, headers: { "x-echo": header }, body, bodySize: body.length },
          });
          const echoing = redactExchange(
            inHeader ? exchange(quiet, `<${echoed}>`) : exchange(`<${echoed}>`, "none"),
            [],
          );
          const shown = inHeader ? echoing.response.headers["x-echo"] : echoing.response.body;
          expect(shown, `${which} as ${way}`).not.to.include(echoed);
          const silent = redactExchange(exchange(quiet, "none"), []);
          expect(silent.response).to.deep.equal(exchange(quiet, "none").response);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("displayUrl and runSecrets", () => {
  const target = new URL(
    "http://conformance-user:TargetPassw0rd%21@127.0.0.1:8080/base/?access_token=TargetAccessToken123&region=eu",
  );

  it("shows a target without its user name, password or token, and keeps the rest", () => {
    const shown = displayUrl(target);
    for (const leaked of ["conformance-user", "TargetPassw0rd", "TargetAccessToken123"])
      expect(shown).not.to.include(leaked);
    expect(shown).to.equal("http://127.0.0.1:8080/base/?access_token=%5BREDACTED%5D&region=eu");
  });

  it("redacts by pattern what no URL parser accepts", () => {
    expect(displayUrl("http://user:TopSecret1@host:99999/?token=abcdefgh&x=1")).to.equal(
      `http://host:99999/?token=${REDACTED}&x=1`,
    );
    expect(displayUrl("not a url")).to.equal("not a url");
  });

  it("lists every credential value a run uses: key ids, secrets, the URL's user, password, Basic value and token", () => {
    const secrets = runSecrets(SANDBOX_CREDENTIALS, target);
    for (const { id, secret } of Object.values(SANDBOX_CREDENTIALS))
      expect(secrets).to.include.members([id, secret]);
    expect(secrets).to.include.members([
      "conformance-user",
      "TargetPassw0rd!",
      Buffer.from("conformance-user:TargetPassw0rd!").toString("base64"),
      "TargetAccessToken123",
    ]);
    expect(secrets).not.to.include("eu");
  });
});
