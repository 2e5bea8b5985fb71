import { formParams, type SandboxRequest } from "./sandbox-request.js";

export type Recognition =
  | { dialect: "tencent" }
  | { dialect: "zenlayer" }
  | {
      dialect: "alibaba";
      /** RPC parameters with an HMAC-SHA1 Signature, or x-acs-* headers with an ACS3 Authorization. */
      signing: "rpc" | "acs3";
      /** Query parameters, then form-body parameters (the first occurrence of a name wins). */
      params: Map<string, string>;
    };

function hasHeaderPrefix(request: SandboxRequest, prefix: string): boolean {
  return Object.keys(request.headers).some((name) => name.startsWith(prefix));
}

function authorizationAlgorithm(request: SandboxRequest): string {
  return (request.headers.authorization ?? "").trim().split(/\s/, 1)[0] ?? "";
}

/** Query parameters, then form-body parameters; the first occurrence of a name wins. */
export function alibabaParams(request: SandboxRequest): Map<string, string> {
  const params = new Map<string, string>();
  const add = (search: URLSearchParams | undefined) => {
    for (const [name, value] of search ?? []) if (!params.has(name)) params.set(name, value);
  };
  add(request.query);
  add(formParams(request));
  return params;
}

/**
 * Which dialect a request speaks, from the request alone (one port serves all three):
 * X-TC-* headers or a TC3 Authorization → Tencent; X-ZC-* headers or a ZC2 Authorization → Zenlayer;
 * Alibaba RPC parameters (Action and Version with SignatureMethod, AccessKeyId or Signature, in the query
 * or a form body) or x-acs-* headers with an ACS3-HMAC-SHA256 Authorization → Alibaba. Undefined for
 * anything else.
 */
export function recognizeDialect(request: SandboxRequest): Recognition | undefined {
  const algorithm = authorizationAlgorithm(request);
  if (hasHeaderPrefix(request, "x-tc-") || algorithm === "TC3-HMAC-SHA256") return { dialect: "tencent" };
  if (hasHeaderPrefix(request, "x-zc-") || algorithm === "ZC2-HMAC-SHA256") return { dialect: "zenlayer" };
  const params = alibabaParams(request);
  if (
    params.has("Action") &&
    params.has("Version") &&
    (params.has("SignatureMethod") || params.has("AccessKeyId") || params.has("Signature"))
  ) {
    return { dialect: "alibaba", signing: "rpc", params };
  }
  if (algorithm === "ACS3-HMAC-SHA256" && hasHeaderPrefix(request, "x-acs-")) {
    return { dialect: "alibaba", signing: "acs3", params };
  }
  return undefined;
}
