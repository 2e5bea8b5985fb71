// Writes recordings/*.har, the shipped corpus of conformant exchanges (npm run recordings): one file per
// product folder with a recordings.ts (src/providers/DIALECT/PRODUCT/), its examples given the product's
// host, version and region and its dialect's request form (recordedCall of src/providers/DIALECT/requests.ts).
// Deterministic: the same examples always give the same files. Credentials appear only redacted.
import { realpathSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { recordingsDir } from "../src/project-paths.js";
import { dialectRequests, type RecordedCall } from "../src/providers/dialect-requests.js";
import type { ProductDefinition } from "../src/providers/product.js";
import type { RecordedExample } from "../src/providers/recording-example.js";
import { findProduct } from "../src/providers/registry.js";
import { productFolders, providersDir } from "./provider-index.js";

interface Call extends RecordedCall {
  comment: string;
  status: number;
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

const bodyText = (body: RecordedExample["body"]) =>
  typeof body === "string" ? body : JSON.stringify(body, null, 2);

/** An example as its dialect records it: the request's form and the answer's headers, then the example's. */
function call(product: ProductDefinition, example: RecordedExample): Call {
  return {
    comment: example.comment,
    ...dialectRequests[product.dialect].recordedCall(product, example),
    status: example.status,
    body: bodyText(example.body),
  };
}

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
    const calls = recordings.map((example) => call(product, example));
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
