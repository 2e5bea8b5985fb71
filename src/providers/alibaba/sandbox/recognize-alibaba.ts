import {
  authorizationAlgorithm,
  formParams,
  hasHeaderPrefix,
  type SandboxRequest,
} from "../../sandbox-kit/sandbox-request.js";

export interface AlibabaRecognition {
  /** RPC parameters with an HMAC-SHA1 Signature, or x-acs-* headers with an ACS3 Authorization. */
  signing: "rpc" | "acs3";
  /** Query parameters, then form-body parameters (the first occurrence of a name wins). */
  params: Map<string, string>;
}

/** Query parameters, then form-body parameters; the first occurrence of a name wins. */
function alibabaParams(request: SandboxRequest): Map<string, string> {
  const params = new Map<string, string>();
  const add = (search: URLSearchParams | undefined) => {
    for (const [name, value] of search ?? []) if (!params.has(name)) params.set(name, value);
  };
  add(request.query);
  add(formParams(request));
  return params;
}

/**
 * Alibaba RPC parameters (Action and Version with SignatureMethod, AccessKeyId or Signature, in the query
 * or a form body), or x-acs-* headers with an ACS3-HMAC-SHA256 Authorization; undefined for anything else.
 */
export function recognizeAlibaba(request: SandboxRequest): AlibabaRecognition | undefined {
  const params = alibabaParams(request);
  if (
    params.has("Action") &&
    params.has("Version") &&
    (params.has("SignatureMethod") || params.has("AccessKeyId") || params.has("Signature"))
  ) {
    return { signing: "rpc", params };
  }
  if (authorizationAlgorithm(request) === "ACS3-HMAC-SHA256" && hasHeaderPrefix(request, "x-acs-")) {
    return { signing: "acs3", params };
  }
  return undefined;
}
