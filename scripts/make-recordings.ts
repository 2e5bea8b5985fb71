// Writes recordings/*.har, the shipped corpus of conformant exchanges (npm run recordings): one file per
// product folder with a recordings.ts (src/providers/DIALECT/PRODUCT/), its examples given the product's
// host, version and region and its dialect's request form. Deterministic: the same examples always give
// the same files. Credentials appear only redacted.
import { realpathSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { recordingsDir } from "../src/project-paths.js";
import type { ProductDefinition } from "../src/providers/product.js";
import { REDACTED, type RecordedExample } from "../src/providers/recording-example.js";
import { findProduct } from "../src/providers/registry.js";
import { productFolders, providersDir } from "./provider-index.js";

interface Call {
  comment: string;
  method: "GET" | "POST";
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  contentType: string;
  responseHeaders?: Record<string, string>;
  body: string;
}

const STARTED = Date.parse("2026-11-20T08:00:00.000Z");
const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const headerList = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

function har(calls: Call[]): string {
  const entries = calls.map((call, i) => {
    const url = new URL(call.url);
    const responseHeaders = { "Content-Type": call.contentType, ...call.responseHeaders };
    return {
      startedDateTime: new Date(STARTED + i * 1500).toISOString(),
      time: 84,
      comment: call.comment,
      request: {
        method: call.method,
        url: call.url,
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: headerList({ Host: url.host, ...call.requestHeaders }),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        ...(call.requestBody === undefined
          ? {}
          : {
              postData: {
                mimeType: call.requestHeaders["Content-Type"] ?? "application/json",
                text: call.requestBody,
              },
            }),
        headersSize: -1,
        bodySize: call.requestBody === undefined ? 0 : Buffer.byteLength(call.requestBody),
      },
      response: {
        status: call.status,
        statusText: STATUS_TEXT[call.status] ?? "",
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: headerList(responseHeaders),
        content: { size: Buffer.byteLength(call.body), mimeType: call.contentType, text: call.body },
        redirectURL: "",
        headersSize: -1,
        bodySize: Buffer.byteLength(call.body),
      },
      cache: {},
      timings: { send: 1, wait: 80, receive: 3 },
    };
  });
  const log = {
    log: {
      version: "1.2",
      creator: { name: "cloud-envelope-conformance recordings", version: "1" },
      entries,
    },
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const bodyText = (body: RecordedExample["body"]) => (typeof body === "string" ? body : json(body));
const JSON_TYPE = "application/json; charset=utf-8";
const XML_TYPE = "text/xml;charset=utf-8";

function regionOf(product: ProductDefinition): string {
  if (product.callRegion === null) throw new Error(`${product.dialect}/${product.id} names no call region`);
  return product.callRegion;
}

// Tencent Cloud API 3.0: a JSON POST to SERVICE.tencentcloudapi.com, signed with TC3.
function tencent(product: ProductDefinition, example: RecordedExample): Call {
  return {
    comment: example.comment,
    method: "POST",
    url: `https://${product.service}.tencentcloudapi.com/`,
    requestHeaders: {
      "Content-Type": "application/json; charset=utf-8",
      "X-TC-Action": example.action,
      "X-TC-Version": product.version,
      "X-TC-Region": regionOf(product),
      "X-TC-Timestamp": "1763625600",
      Authorization: `TC3-HMAC-SHA256 Credential=${REDACTED}/2026-11-20/${product.service}/tc3_request, SignedHeaders=content-type;host, Signature=${REDACTED}`,
    },
    requestBody: JSON.stringify(example.params ?? {}),
    status: example.status,
    contentType: "application/json",
    body: bodyText(example.body),
  };
}

/** The RequestId of an Alibaba answer, which its x-acs-request-id header repeats. */
function alibabaRequestId(body: RecordedExample["body"]): string {
  const id = typeof body === "string" ? /<RequestId>([^<]+)<\/RequestId>/.exec(body)?.[1] : body.RequestId;
  if (typeof id !== "string") throw new Error(`an Alibaba recording without a RequestId: ${bodyText(body)}`);
  return id;
}

// Alibaba RPC: parameters in the query, signed with HMAC-SHA1, at SERVICE.REGION.aliyuncs.com; XML when
// Format=XML.
function alibaba(product: ProductDefinition, example: RecordedExample): Call {
  const format = (example.format ?? "json").toUpperCase();
  const region = regionOf(product);
  const params = new URLSearchParams({
    AccessKeyId: REDACTED,
    Action: example.action,
    Format: format,
    RegionId: region,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: `nonce-${example.action}-${example.status}-${format}`,
    SignatureVersion: "1.0",
    Timestamp: "2026-11-20T08:00:00Z",
    Version: product.version,
    ...Object.fromEntries(Object.entries(example.params ?? {}).map(([name, value]) => [name, String(value)])),
    Signature: REDACTED,
  });
  return {
    comment: example.comment,
    method: "GET",
    url: `https://${product.service}.${region}.aliyuncs.com/?${params}`,
    requestHeaders: { "User-Agent": "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.7.12" },
    status: example.status,
    contentType: format === "XML" ? XML_TYPE : JSON_TYPE,
    responseHeaders: { "x-acs-request-id": alibabaRequestId(example.body) },
    body: bodyText(example.body),
  };
}

// Zenlayer: a JSON POST to console.zenlayer.com/api/v2/SERVICE, signed with ZC2.
function zenlayer(product: ProductDefinition, example: RecordedExample): Call {
  return {
    comment: example.comment,
    method: "POST",
    url: `https://console.zenlayer.com/api/v2/${product.service}`,
    requestHeaders: {
      "Content-Type": "application/json; charset=utf-8",
      "X-ZC-Action": example.action,
      "X-ZC-Version": product.version,
      "X-ZC-Timestamp": "1763625600",
      "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
      Authorization: `ZC2-HMAC-SHA256 Credential=${REDACTED}, SignedHeaders=content-type;host, Signature=${REDACTED}`,
    },
    requestBody: JSON.stringify(example.params ?? {}),
    status: example.status,
    contentType: "application/json",
    body: bodyText(example.body),
  };
}

const CALL_OF = { tencent, alibaba, zenlayer } as const;

/** Each product folder's recordings.ts as its HAR file: recordings/DIALECT-PRODUCT.har and its text. */
export async function renderRecordings(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of productFolders().filter((f) => f.hasRecordings)) {
    const product = findProduct(folder.dialect as ProductDefinition["dialect"], folder.id);
    if (!product) throw new Error(`src/providers/${folder.dialect}/${folder.id} is not in the registry`);
    const module = path.join(providersDir, folder.dialect, folder.id, "recordings.ts");
    const { recordings } = (await import(pathToFileURL(module).href)) as {
      recordings: readonly RecordedExample[];
    };
    const calls = recordings.map((example) => CALL_OF[product.dialect](product, example));
    files.set(`${product.dialect}-${product.id}.har`, har(calls));
  }
  return files;
}

const script = process.argv[1];
if (script && import.meta.url === pathToFileURL(realpathSync(script)).href) {
  await mkdir(recordingsDir, { recursive: true });
  for (const [name, text] of await renderRecordings()) {
    await writeFile(path.join(recordingsDir, name), text);
    console.log(`recordings/${name}: ${JSON.parse(text).log.entries.length} entries`);
  }
}
