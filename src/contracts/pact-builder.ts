import type { ContractInteraction } from "./contract-interactions.js";
import type { MockServer } from "./load-pact.js";
import { mockServerMatched, PactV4 } from "./load-pact.js";

type Pact = InstanceType<typeof PactV4>;

/** How long the mock server may take to record a request it has already answered. */
const MATCH_RECORDED_WITHIN_MS = 10_000;

/**
 * Waits until the mock server has recorded its expected requests as matched, at most `withinMs`: the
 * answer reaches the client before the match is recorded (see mockServerMatched), and executeTest reads
 * the record as soon as `drive` settles. A request that never came is still reported by executeTest,
 * once the bound has passed.
 */
async function matchRecorded(port: number, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!mockServerMatched(port) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Declares one interaction on a PactV4 and runs `drive` against its mock server (which writes the pact). */
export async function runInteraction(
  pact: Pact,
  interaction: ContractInteraction,
  drive: (mockServer: MockServer) => Promise<unknown>,
): Promise<void> {
  const { request, response } = interaction;
  await pact
    .addInteraction()
    .given(interaction.state)
    .uponReceiving(interaction.description)
    .withRequest(request.method, request.path, (builder) => {
      if (Object.keys(request.headers).length > 0) builder.headers(request.headers as never);
      if (Object.keys(request.query).length > 0) builder.query(request.query as never);
      if (request.body !== undefined) builder.jsonBody(request.body);
    })
    .willRespondWith(response.status as number, (builder) => {
      builder.headers(response.headers as never);
      if (typeof response.body === "string") builder.xmlBody(response.body);
      else builder.jsonBody(response.body);
    })
    .executeTest(async (mockServer) => {
      const value = await drive(mockServer);
      await matchRecorded(mockServer.port, MATCH_RECORDED_WITHIN_MS);
      return value;
    });
}

export const newPact = (consumer: string, provider: string, dir: string) =>
  new PactV4({ consumer, provider, dir, logLevel: "error" });
