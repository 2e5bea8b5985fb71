// The official SDK signers the property tests compare against, loaded through createRequire (they are CommonJS).
import { createRequire } from "node:module";

const requireCjs = createRequire(import.meta.url);

/** Arguments of tencentcloud-sdk-nodejs-common's `Sign.sign3` (tencentcloud/common/sign.js). */
export interface TencentSign3Args {
  method?: string;
  url: string;
  payload: unknown;
  timestamp: number;
  service: string;
  secretId: string;
  secretKey: string;
  multipart?: boolean;
  boundary?: string;
  headers?: Record<string, string>;
}

// The package has no "exports" map, so a deep require of the CommonJS build resolves.
const tencentSignPath = requireCjs.resolve("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign");

/** `Sign.sign3`: returns the Authorization header value. */
export const tencentSign3: (args: TencentSign3Args) => string = (
  requireCjs(tencentSignPath) as { default: { sign3(args: TencentSign3Args): string } }
).default.sign3;

/**
 * The exact JSON serialiser the Tencent SDK both sends and hashes (http_connection.js and sign.js:
 * `JSONbig({ useNativeBigInt: true }).stringify`), resolved from the SDK's own location.
 */
export const tencentJsonStringify: (value: unknown) => string = (
  createRequire(tencentSignPath)("json-bigint") as (options: { useNativeBigInt: boolean }) => {
    stringify(value: unknown): string;
  }
)({ useNativeBigInt: true }).stringify;

/** The request shape `getAuthorization` reads ($tea.Request: pathname, method, query, headers). */
export interface TeaRequestLike {
  pathname: string;
  method: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

interface OpenApiUtil {
  getRPCSignature(signedParams: Record<string, string>, method: string, secret: string): string;
  getAuthorization(
    request: TeaRequestLike,
    signatureAlgorithm: string,
    payload: string,
    accessKeyId: string,
    accessKeySecret: string,
  ): string;
  getEncodePath(path: string): string;
}

/** @alicloud/openapi-util (dist/client.js, `export default class Client`). */
export const openApiUtil: OpenApiUtil = (requireCjs("@alicloud/openapi-util") as { default: OpenApiUtil })
  .default;

export interface PopRpcClient {
  request(action: string, params: Record<string, string>, opts?: Record<string, unknown>): Promise<unknown>;
}

/** @alicloud/pop-core's RPCClient (lib/rpc.js); it signs inside `request` and exports no pure signer. */
export const PopRPCClient: new (config: {
  accessKeyId: string;
  accessKeySecret: string;
  endpoint: string;
  apiVersion: string;
}) => PopRpcClient = (requireCjs("@alicloud/pop-core") as { RPCClient: new (config: object) => PopRpcClient })
  .RPCClient;
