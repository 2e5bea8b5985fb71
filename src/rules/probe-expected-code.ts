import { errorCode } from "./error-fields.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

function statusMatches(expected: number | string, status: number): boolean {
  return typeof expected === "number"
    ? expected === status
    : String(Math.floor(status / 100)) === expected.charAt(0);
}

export const probeExpectedCode: Rule = {
  meta: {
    id: "probe-expected-code",
    severity: "error",
    dialects: ALL_DIALECTS,
    description:
      "A deliberately bad request (bad signature, unknown action, missing parameter, …) draws the documented error code and status.",
    source: {
      document: "seeds/003_a0227fc7fe36601c.txt",
      quote:
        "Code indicates the error code of the specific error. When the request goes wrong, you can use this error code to locate the cause and solution.",
    },
    decision:
      "Applies to probe exchanges only (live runs, and recordings whose _conformance hint names the probe). Zenlayer publishes no code for most probes: there only the status class of seed 000 (4xx) is required.",
    needs: "envelope",
  },
  check(context) {
    const probe = context.exchange.probe;
    if (!probe) return NOT_APPLICABLE;
    const { expected } = probe;
    const findings: FindingDraft[] = [];
    const code = errorCode(context);
    if (context.outcome !== "error") {
      findings.push({
        pointer: "",
        message: `probe ${probe.name} was answered as a success, expected the error ${expected.code ?? `of status ${expected.status}`}`,
        expected: expected.code ?? `an error with status ${expected.status}`,
        actual: "success",
      });
      return findings;
    }
    if (expected.code !== null && code !== expected.code) {
      findings.push({
        pointer: context.spec.errorCodePointer,
        message: `probe ${probe.name} drew ${code === undefined ? "no code" : JSON.stringify(code)}, expected ${JSON.stringify(expected.code)} (${expected.source})`,
        expected: expected.code,
        actual: code ?? "(absent)",
      });
    }
    if (!statusMatches(expected.status, context.status)) {
      findings.push({
        pointer: "",
        location: "status",
        message: `probe ${probe.name} came with HTTP ${context.status}, expected ${expected.status} (${expected.source})`,
        expected: String(expected.status),
        actual: String(context.status),
      });
    }
    return findings;
  },
};
