import { sameSignature } from "../../signing-kit/crypto-helpers.js";
import { signRpc } from "../rpc-signature.js";

/**
 * Alibaba RPC signature, HMAC-SHA1 (SignatureVersion 1.0): over every parameter but Signature, from the
 * query or the form body (@alicloud/pop-core sends them in the query for GET and in the body for POST),
 * with the request's own method; key = secret + "&".
 */
export function verifyRpc(
  method: string,
  params: ReadonlyMap<string, string>,
  accessKeySecret: string,
  signature: string,
): boolean {
  const signed: Record<string, string> = {};
  for (const [name, value] of params) if (name !== "Signature") signed[name] = value;
  return sameSignature(signRpc(method, signed, accessKeySecret), signature);
}
