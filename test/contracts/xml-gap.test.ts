process.env.PACT_DO_NOT_TRACK = "true";

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { readPactFile } from "../../src/contracts/contract-file.js";
import { type ContractInteraction, XML_GAP } from "../../src/contracts/contract-interactions.js";
import { sendExampleRequest } from "../../src/contracts/example-request.js";
import { newPact, runInteraction } from "../../src/contracts/pact-builder.js";
import { STATES } from "../../src/contracts/provider-states.js";
import { contractRequest } from "../../src/contracts/request-templates.js";
import { runVerifier } from "../../src/contracts/verifier-process.js";
import { xmlSuccessResponse } from "../../src/contracts/xml-bodies.js";
import { actionCall } from "../../src/live/action-calls.js";
import { credentialsFromEnv } from "../../src/live/credentials.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

/**
 * Pact 16's V4 interface expresses XML bodies (xmlBody + XmlBuilder, matchers on element text, eachLike
 * for repeated elements; the KMS XML interactions are in contracts/ and verify). What it cannot express is
 * an open content model: Pact's XML matching refuses child elements the contract does not list, so an ESS
 * <ScalingGroup> with optional members the example lacks fails. This test pins that gap.
 */
describe("contracts: Alibaba XML in Pact V4", () => {
  let dir: string;
  let sandbox: RunningSandbox;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "contracts-xml-"));
    // The verifier process signs with the credentials of its environment (docs/live-runs.md).
    sandbox = await startSandbox({ port: 0, credentials: credentialsFromEnv(), rateLimit: null });
  });
  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("ESS DescribeScalingGroups in XML is left out of the contracts, and would fail on unlisted children", async () => {
    expect(XML_GAP.has("alibaba/ess/DescribeScalingGroups.xml")).to.equal(true);
    const call = actionCall("alibaba/ess/DescribeScalingGroups.xml");
    const interaction: ContractInteraction = {
      provider: "alibaba-ess",
      description: "DescribeScalingGroups (XML) succeeds",
      state: STATES.scalingGroupsListed,
      call,
      expects: { kind: "success", format: "xml" },
      request: contractRequest(call),
      response: xmlSuccessResponse(call),
    };
    const pact = newPact("sdk", "alibaba-ess", dir);
    await runInteraction(pact, interaction, (server) => sendExampleRequest(server.url, interaction.request));
    const logFile = path.join(dir, "pact-verifier.log");
    const { results, log } = await runVerifier(
      [readPactFile(path.join(dir, "sdk-alibaba-ess.json"))],
      new URL(sandbox.url),
      logFile,
    );
    const [result] = results;
    expect(result?.passed).to.equal(false);
    expect(result?.interactions[0]?.message).to.match(
      /Unexpected child <(CreationTime|VpcId|DefaultCooldown)/,
    );
    expect(log, "the verifier's own report is in the log").to.match(/Unexpected child <\w+/);
  });
});
