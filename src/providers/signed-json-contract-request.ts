import type { ContractMatchers, ContractRequestForm } from "./contract-form.js";
import type { CallToSign, DialectRequests, SigningKeys } from "./request-form.js";

/** Where the contracts' examples are signed: the host is not signed into anything a contract keeps. */
export const EXAMPLE_TARGET = new URL("http://contract.example/");

/**
 * The contract request of a dialect that sends a signed JSON POST (Tencent, Zenlayer): what its official
 * client sends for the call, exact but for the Content-Type parameters, the timestamp header (a number) and
 * the Authorization (the dialect's pattern; the example is the real signed header with its signature
 * zeroed, as contracts carry no real signature).
 */
export function signedJsonContractRequest(
  requests: DialectRequests,
  call: CallToSign,
  example: SigningKeys,
  { regex }: ContractMatchers,
  form: { timestampHeader: string; authorizationPattern: string },
): ContractRequestForm {
  const signed = requests.signedRequest(call, EXAMPLE_TARGET, example);
  const authorization = (signed.headers.Authorization ?? "").replace(
    /Signature=[0-9a-f]{64}$/,
    `Signature=${"0".repeat(64)}`,
  );
  return {
    method: signed.method,
    path: new URL(signed.url).pathname,
    headers: {
      ...signed.headers,
      "Content-Type": regex("^application/json.*$", "application/json"),
      [form.timestampHeader]: regex("^\\d+$", String(example.timestamp)),
      Authorization: regex(form.authorizationPattern, authorization),
    },
    query: {},
    body: call.params,
  };
}
