import type { ReportBuilder } from "../engine/report-builder.js";
import { displayUrl } from "../live/redact.js";
import { isDialect } from "../providers/dialect.js";
import type { VerifiedInteraction } from "../rules/contract-verified.js";
import type { PactVerification } from "./verify-contracts.js";

const SUCCESS = /^(\w+) \((JSON|XML)\) succeeds$/;
const PROBE = /^[\w-]+ probe \((\w+)\) draws /;

/**
 * Each verified interaction as an exchange (the contract verifier as a source): dialect and product from
 * the provider's name (tencent-cvm), action and format from the description, status the one the contract
 * expects (the verifier does not hand back the answer), and the Verifier's verdict, which rule
 * contract-verified alone judges. Providers that name no dialect are left out.
 */
export function* verifiedInteractions(
  pacts: readonly PactVerification[],
  target: URL,
): Generator<VerifiedInteraction> {
  for (const pact of pacts) {
    const [dialect = "", product = "unknown"] = pact.provider.split("-");
    if (!isDialect(dialect)) continue;
    for (const [index, interaction] of pact.interactions.entries()) {
      const success = SUCCESS.exec(interaction.description);
      const action = success?.[1] ?? PROBE.exec(interaction.description)?.[1] ?? "unknown";
      yield {
        source: { file: pact.file, index, probe: interaction.description },
        request: { method: "", url: displayUrl(target), headers: {}, body: "" },
        response: { status: interaction.status, headers: {}, body: "", bodySize: 0 },
        hints: { dialect, product, action, format: success?.[2] === "XML" ? "xml" : "json" },
        verification: {
          passed: interaction.passed,
          message: interaction.message,
          outcome: success ? "success" : "error",
        },
      };
    }
  }
}

/** The verification of `pacts` against `target` into a conformance report, judged by contract-verified. */
export function addContractVerdicts(
  builder: ReportBuilder,
  pacts: readonly PactVerification[],
  target: URL,
): void {
  for (const exchange of verifiedInteractions(pacts, target)) builder.judge(exchange);
}
