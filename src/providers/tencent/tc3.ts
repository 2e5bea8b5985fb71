import { hmacSha256, sha256Hex } from "../signing-kit/crypto-helpers.js";

/** What TC3-HMAC-SHA256 signs (provider-facts.md §4; tencentcloud-sdk-nodejs sign.ts). */
export interface Tc3Input {
  secretId: string;
  secretKey: string;
  service: string;
  /** Host as signed: tencentcloud-sdk-nodejs signs the host name without the port. */
  host: string;
  /** Unix seconds; the credential scope uses its UTC date. */
  timestamp: number;
  contentType: string;
  body: string;
  method?: string;
  path?: string;
  query?: string;
}

export interface Tc3Signature {
  authorization: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

/** The UTC date of a Unix time, YYYY-MM-DD, written as tencentcloud-sdk-nodejs writes it for any year. */
export function utcDate(timestamp: number): string {
  const date = new Date(timestamp * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

/** The last signing key derived: it changes with the day, the service and the secret, not per request. */
let lastKey: { secretKey: string; date: string; service: string; key: Buffer } | undefined;

function signingKey(secretKey: string, date: string, service: string): Buffer {
  if (lastKey?.secretKey === secretKey && lastKey.date === date && lastKey.service === service)
    return lastKey.key;
  const kDate = hmacSha256(`TC3${secretKey}`, date);
  const kService = hmacSha256(kDate, service);
  const key = hmacSha256(kService, "tc3_request");
  lastKey = { secretKey, date, service, key };
  return key;
}

export function signTc3(input: Tc3Input): Tc3Signature {
  const method = input.method ?? "POST";
  const canonicalRequest = [
    method,
    input.path ?? "/",
    input.query ?? "",
    `content-type:${input.contentType}\nhost:${input.host}\n`,
    "content-type;host",
    sha256Hex(input.body),
  ].join("\n");
  const date = utcDate(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join(
    "\n",
  );
  const signature = hmacSha256(signingKey(input.secretKey, date, input.service), stringToSign).toString(
    "hex",
  );
  return {
    authorization: `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
    signature,
    canonicalRequest,
    stringToSign,
  };
}
