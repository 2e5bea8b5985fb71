// "Your SDK": a small Tencent Cloud CVM client, as an SDK team's own code would be. What matters for the
// conformance tests is the `onExchange` hook: every call hands the raw request and response to it, before
// the body is parsed, so that a test can judge exactly what went over the wire.
import { createHash, createHmac } from "node:crypto";

const VERSION = "2017-03-12";
const CONTENT_TYPE = "application/json; charset=utf-8";

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const hmac = (key, text) => createHmac("sha256", key).update(text).digest();

/** The TC3-HMAC-SHA256 Authorization header of a JSON POST to `/` (Tencent Cloud API 3.0 signature v3). */
export function signTc3({ secretId, secretKey, service, host, timestamp, body }) {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = `content-type:${CONTENT_TYPE}\nhost:${host}\n`;
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, "content-type;host", sha256(body)].join("\n");
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", timestamp, scope, sha256(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

/** An API error, as the official SDKs raise it: code, message and request ID from the error envelope. */
export class CvmError extends Error {
  constructor(code, message, requestId) {
    super(`${code}: ${message} (RequestId ${requestId})`);
    this.code = code;
    this.requestId = requestId;
  }
}

/**
 * A CVM client for `endpoint` (https://cvm.tencentcloudapi.com, or a sandbox). `call(action, params)`
 * resolves to the `Response` object, or rejects with a CvmError; `onExchange({ request, response })` sees
 * every answer first.
 */
export function createCvmClient({ endpoint, secretId, secretKey, region, onExchange = () => {} }) {
  const url = new URL(endpoint);
  return {
    async call(action, params = {}) {
      const body = JSON.stringify(params);
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        "Content-Type": CONTENT_TYPE,
        "X-TC-Action": action,
        "X-TC-Version": VERSION,
        "X-TC-Region": region,
        "X-TC-Timestamp": String(timestamp),
        Authorization: signTc3({ secretId, secretKey, service: "cvm", host: url.host, timestamp, body }),
      };
      const answer = await fetch(url, { method: "POST", headers, body });
      const text = await answer.text();
      onExchange({
        request: { method: "POST", url: url.href, headers, body },
        response: { status: answer.status, headers: answer.headers, body: text },
      });
      const { Response: response } = JSON.parse(text);
      if (response.Error) throw new CvmError(response.Error.Code, response.Error.Message, response.RequestId);
      return response;
    },
  };
}
