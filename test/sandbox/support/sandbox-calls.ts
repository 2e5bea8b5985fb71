import { randomUUID } from "node:crypto";
import type { RawExchange } from "../../../src/model/exchange.js";
import { signAcs3 } from "../../../src/providers/alibaba/acs3.js";
import { signRpc } from "../../../src/providers/alibaba/rpc-signature.js";
import { SANDBOX_CREDENTIALS } from "../../../src/providers/credentials.js";
import type { Dialect } from "../../../src/providers/dialect.js";
import { sha256Hex } from "../../../src/providers/signing-kit/crypto-helpers.js";
import { canonicalQuery } from "../../../src/providers/signing-kit/percent-encode.js";
import { signTc3 } from "../../../src/providers/tencent/tc3.js";
import { signZc2 } from "../../../src/providers/zenlayer/zc2.js";
import {
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "../../../src/sandbox/start-sandbox.js";

/** A call made to the sandbox with plain fetch: what was sent and what came back. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely; the engine judges their shape.
  json: any;
  hints: { dialect: Dialect; product: string; action: string; format: "json" | "xml" };
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

async function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  hints: Exchange["hints"],
): Promise<Exchange> {
  const hasBody = init.body !== undefined && init.method !== "GET" && init.method !== "HEAD";
  const response = await fetch(url, {
    method: init.method,
    headers: init.headers,
    body: hasBody ? init.body : undefined,
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    request: { method: init.method, url, headers: init.headers, body: hasBody ? (init.body ?? "") : "" },
    status: response.status,
    headers,
    text,
    json,
    hints,
  };
}

export interface TencentCallOptions {
  action?: string;
  params?: unknown;
  /** Sent as is instead of JSON.stringify(params). */
  rawBody?: string;
  region?: string | null;
  version?: string | null;
  timestamp?: number;
  secretId?: string;
  secretKey?: string;
  method?: string;
  service?: string;
  /** Extra headers, or null to drop one of the defaults. */
  headers?: Record<string, string | null>;
  /** GET: the query string to send and sign. */
  query?: string;
}

/** A TC3-signed Tencent call (CVM, 2017-03-12 unless told), signed as tencentcloud-sdk-nodejs does. */
export function tencentCall(baseUrl: string, options: TencentCallOptions = {}): Promise<Exchange> {
  const url = new URL(baseUrl);
  const method = options.method ?? "POST";
  const action = options.action ?? "DescribeInstancesStatus";
  const body = method === "GET" ? "" : (options.rawBody ?? JSON.stringify(options.params ?? {}));
  const timestamp = options.timestamp ?? nowSeconds();
  const contentType = method === "GET" ? "application/x-www-form-urlencoded" : "application/json";
  const signature = signTc3({
    secretId: options.secretId ?? SANDBOX_CREDENTIALS.tencent.id,
    secretKey: options.secretKey ?? SANDBOX_CREDENTIALS.tencent.secret,
    service: options.service ?? "cvm",
    host: url.hostname,
    timestamp,
    contentType,
    body,
    method,
    path: "/",
    query: options.query ?? "",
  });
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "X-TC-Action": action,
    "X-TC-Version": "2017-03-12",
    "X-TC-Region": "ap-guangzhou",
    "X-TC-Timestamp": String(timestamp),
    Authorization: signature.authorization,
  };
  if (options.region === null) delete headers["X-TC-Region"];
  else if (options.region !== undefined) headers["X-TC-Region"] = options.region;
  if (options.version === null) delete headers["X-TC-Version"];
  else if (options.version !== undefined) headers["X-TC-Version"] = options.version;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const target = `${baseUrl}/${options.query ? `?${options.query}` : ""}`;
  return send(
    target,
    { method, headers, body },
    { dialect: "tencent", product: "cvm", action, format: "json" },
  );
}

export interface AlibabaCallOptions {
  action: string;
  params?: Record<string, string>;
  product?: "kms" | "ess";
  version?: string;
  format?: "JSON" | "XML" | string;
  method?: string;
  /** Send the parameters in a form body (POST) instead of the query. */
  form?: boolean;
  accessKeyId?: string;
  secret?: string;
  timestamp?: string;
  /** Replaces the computed signature. */
  signature?: string;
  /** Parameters removed after signing defaults are set (e.g. Timestamp). */
  omit?: string[];
}

export const ALIBABA_VERSION = { kms: "2016-01-20", ess: "2014-08-28" } as const;

export function isoTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** An Alibaba RPC call signed with HMAC-SHA1, as @alicloud/pop-core sends it. */
export function alibabaCall(baseUrl: string, options: AlibabaCallOptions): Promise<Exchange> {
  const product = options.product ?? "kms";
  const method = options.method ?? (options.form ? "POST" : "GET");
  const params: Record<string, string> = {
    Action: options.action,
    Format: options.format ?? "JSON",
    Version: options.version ?? ALIBABA_VERSION[product],
    AccessKeyId: options.accessKeyId ?? SANDBOX_CREDENTIALS.alibaba.id,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: randomUUID(),
    Timestamp: options.timestamp ?? isoTimestamp(),
    ...options.params,
  };
  for (const name of options.omit ?? []) delete params[name];
  params.Signature =
    options.signature ?? signRpc(method, params, options.secret ?? SANDBOX_CREDENTIALS.alibaba.secret);
  const encoded = canonicalQuery(params);
  const format = (options.format ?? "JSON").toLowerCase() === "xml" ? "xml" : "json";
  const hints = { dialect: "alibaba" as const, product, action: options.action, format } as const;
  if (options.form) {
    return send(
      `${baseUrl}/`,
      { method, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: encoded },
      hints,
    );
  }
  return send(`${baseUrl}/?${encoded}`, { method, headers: {} }, hints);
}

export interface Acs3CallOptions {
  action: string;
  query?: Record<string, string>;
  product?: "kms" | "ess";
  version?: string;
  accessKeyId?: string;
  secret?: string;
  date?: string;
  /** Sent instead of the body that was signed (to break x-acs-content-sha256). */
  tamperedBody?: string;
}

/** An Alibaba call signed with ACS3-HMAC-SHA256, as @alicloud/openapi-client sends RPC-style calls. */
export function acs3Call(baseUrl: string, options: Acs3CallOptions): Promise<Exchange> {
  const url = new URL(baseUrl);
  const product = options.product ?? "ess";
  const query = options.query ?? {};
  const body = "";
  const headers: Record<string, string> = {
    host: url.host,
    "x-acs-action": options.action,
    "x-acs-version": options.version ?? ALIBABA_VERSION[product],
    "x-acs-date": options.date ?? isoTimestamp(),
    "x-acs-signature-nonce": randomUUID(),
    "x-acs-content-sha256": sha256Hex(body),
  };
  const { authorization } = signAcs3({
    method: "POST",
    path: "/",
    query,
    headers,
    body,
    accessKeyId: options.accessKeyId ?? SANDBOX_CREDENTIALS.alibaba.id,
    accessKeySecret: options.secret ?? SANDBOX_CREDENTIALS.alibaba.secret,
  });
  const { host: _host, ...sent } = headers;
  const search = new URLSearchParams(query).toString();
  const format = (query.Format ?? "").toLowerCase() === "xml" ? "xml" : "json";
  return send(
    `${baseUrl}/${search ? `?${search}` : ""}`,
    {
      method: "POST",
      headers: {
        ...sent,
        Authorization: authorization,
        ...(options.tamperedBody ? { "Content-Type": "text/plain" } : {}),
      },
      body: options.tamperedBody ?? body,
    },
    { dialect: "alibaba", product, action: options.action, format },
  );
}

export interface ZenlayerCallOptions {
  action?: string;
  params?: unknown;
  rawBody?: string;
  version?: string;
  timestamp?: number;
  accessKeyId?: string;
  password?: string;
  method?: string;
  path?: string;
  headers?: Record<string, string | null>;
}

/** A ZC2-signed Zenlayer call to POST /api/v2/bmc (2022-11-20 unless told). */
export function zenlayerCall(baseUrl: string, options: ZenlayerCallOptions = {}): Promise<Exchange> {
  const url = new URL(baseUrl);
  const method = options.method ?? "POST";
  const action = options.action ?? "DescribeInstances";
  const body = options.rawBody ?? JSON.stringify(options.params ?? {});
  const timestamp = options.timestamp ?? nowSeconds();
  const contentType = "application/json; charset=utf-8";
  const { authorization } = signZc2({
    accessKeyId: options.accessKeyId ?? SANDBOX_CREDENTIALS.zenlayer.id,
    accessKeyPassword: options.password ?? SANDBOX_CREDENTIALS.zenlayer.secret,
    host: url.host,
    timestamp,
    contentType,
    body,
    method,
  });
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "X-ZC-Action": action,
    "X-ZC-Version": options.version ?? "2022-11-20",
    "X-ZC-Timestamp": String(timestamp),
    "X-ZC-Signature-Method": "ZC2-HMAC-SHA256",
    Authorization: authorization,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return send(
    `${baseUrl}${options.path ?? "/api/v2/bmc"}`,
    { method, headers, body },
    { dialect: "zenlayer", product: "bmc", action, format: "json" },
  );
}

/** The exchange as the engine reads it, with hints naming dialect, product, action and format. */
export function toRawExchange(exchange: Exchange, index = 0): RawExchange {
  const lower = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    source: { file: "sandbox", index, probe: exchange.hints.action },
    request: { ...exchange.request, headers: lower(exchange.request.headers) },
    response: {
      status: exchange.status,
      headers: exchange.headers,
      body: exchange.text,
      bodySize: Buffer.byteLength(exchange.text),
    },
    hints: exchange.hints,
  };
}

/**
 * A sandbox for these tests: always the sandbox's own test credentials (the helpers above sign with
 * them), whatever SDK variables the environment running the tests has set.
 */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ credentials: SANDBOX_CREDENTIALS, ...options });
}
