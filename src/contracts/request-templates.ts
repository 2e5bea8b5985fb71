import type { CallSpec } from "../live/call-spec.js";
import { SANDBOX_CREDENTIALS } from "../providers/credentials.js";
import { type ContractRequestForm, dialectContractForms } from "../providers/dialect-contract-forms.js";
import { UNKNOWN_KEY_IDS } from "../providers/probe-faults.js";
import { productOf } from "./contract-products.js";
import { MatchersV3 } from "./load-pact.js";

const { like, regex } = MatchersV3;

/** A request of the contract: fixed parts exact, the parts each signed call changes as matchers. */
export type ContractRequest = ContractRequestForm;

/** The fixed time the examples are signed at (2025-11-20T08:00:00Z): contracts carry no clock times. */
const EXAMPLE_UNIX_TIME = 1763625600;

/** The example key id: the sandbox's, or the probes' unknown one where the call signs with it. */
const keyIdOf = (call: CallSpec) =>
  call.signing?.keyId === undefined ? SANDBOX_CREDENTIALS[call.dialect].id : UNKNOWN_KEY_IDS[call.dialect];

/**
 * What the official clients send for a call, in its dialect's contract form
 * (src/providers/DIALECT/contract-form.ts, from the dialect's requests.ts): Tencent's JSON POST with
 * X-TC-* headers and a TC3 Authorization, Alibaba's GET with every signed parameter in the query,
 * Zenlayer's JSON POST to /api/v2/SERVICE with X-ZC-* headers and a ZC2 Authorization. The product's
 * service names Tencent's credential scope and Zenlayer's path.
 */
export function contractRequest(call: CallSpec): ContractRequest {
  const example = { id: keyIdOf(call), secret: "contract-example", timestamp: EXAMPLE_UNIX_TIME };
  return dialectContractForms[call.dialect].request({ ...call, product: productOf(call).service }, example, {
    like,
    regex,
  });
}
