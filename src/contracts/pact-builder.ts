import type { ContractInteraction } from "./contract-interactions.js";
import type { MockServer } from "./load-pact.js";
import { PactV4 } from "./load-pact.js";

type Pact = InstanceType<typeof PactV4>;

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
    .executeTest(drive);
}

export const newPact = (consumer: string, provider: string, dir: string) =>
  new PactV4({ consumer, provider, dir, logLevel: "error" });
