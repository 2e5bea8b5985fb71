import { DEFAULT_TIMEOUTS, type HttpOutcome, sendRequest } from "../live/http-exchange.js";
import { MatchersV3 } from "./load-pact.js";
import type { ContractRequest } from "./request-templates.js";

/**
 * The contract request's example values (matchers reified): what `generate` sends to the mock server, on a
 * fresh connection each time (mock servers come and go on reused ports).
 */
export async function sendExampleRequest(baseUrl: string, request: ContractRequest): Promise<HttpOutcome> {
  const headers = MatchersV3.reify(request.headers) as Record<string, string>;
  const query = MatchersV3.reify(request.query) as Record<string, string>;
  const url = new URL(request.path, baseUrl);
  url.search = new URLSearchParams(query).toString().replace(/\+/g, "%20");
  const body = request.body === undefined ? "" : JSON.stringify(MatchersV3.reify(request.body));
  const outcome = await sendRequest(
    { method: request.method, url: url.toString(), headers, body },
    { timeouts: DEFAULT_TIMEOUTS, maxBodyBytes: 1 << 20 },
  );
  if (!outcome.ok) throw new Error(`${request.method} ${url}: ${outcome.kind}: ${outcome.message}`);
  return outcome;
}
