import type { ExchangeVerdict } from "../engine/check-exchange.js";
import type { Engine } from "../engine/engine.js";
import type { ReportBuilder } from "../engine/report-builder.js";
import { isDialect } from "../providers/dialect.js";
import { contractVerifiedMeta } from "../rules/contract-verified.js";
import type { PactVerification } from "./verify-contracts.js";

const SUCCESS = /^(\w+) \((JSON|XML)\) succeeds$/;
const PROBE = /^[\w-]+ probe \((\w+)\) draws /;

/**
 * Each verified interaction as an exchange of the conformance report, judged by rule contract-verified:
 * dialect and product from the provider's name (tencent-cvm), action and format from the description,
 * status the one the contract expects (the verifier does not hand back the answer). The finding has the
 * rule's configured severity; a configuration that turns the rule off leaves the exchanges unjudged by it.
 */
export function addContractVerdicts(
  builder: ReportBuilder,
  pacts: readonly PactVerification[],
  engine: Pick<Engine, "severityOf">,
): void {
  const rule = contractVerifiedMeta.id;
  const severity = engine.severityOf(rule);
  for (const pact of pacts) {
    const [dialect = "", product = "unknown"] = pact.provider.split("-");
    if (!isDialect(dialect)) continue;
    pact.interactions.forEach((interaction, index) => {
      const success = SUCCESS.exec(interaction.description);
      const action = success?.[1] ?? PROBE.exec(interaction.description)?.[1] ?? "unknown";
      const verdict: ExchangeVerdict = {
        kind: "checked",
        result: {
          source: { file: pact.file, index, probe: interaction.description },
          dialect,
          product,
          action,
          format: success?.[2] === "XML" ? "xml" : "json",
          status: interaction.status,
          outcome: success ? "success" : "error",
          findings:
            severity !== "off" && !interaction.passed
              ? [{ rule, severity, pointer: "", message: `contract not honoured: ${interaction.message}` }]
              : [],
        },
        verdicts: new Map(
          severity === "off"
            ? []
            : [[rule, interaction.passed ? "pass" : severity === "error" ? "fail" : "warn"] as const],
        ),
      };
      builder.add(verdict);
    });
  }
}
