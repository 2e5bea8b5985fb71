import { ruleMessage } from "../model/render-message.js";
import { errorCode } from "./error-fields.js";
import { isThrottledAnswer } from "./group-throttled-answer.js";
import { ALL_DIALECTS, type FindingDraft, NOT_APPLICABLE, type Rule } from "./rule.js";

function statusMatches(expected: number | string, status: number): boolean {
  return typeof expected === "number"
    ? expected === status
    : String(Math.floor(status / 100)) === expected.charAt(0);
}

const MESSAGES = {
  answeredAsSuccess: "probe {{probe}} was answered as a success, expected the error {{code}}",
  answeredAsSuccessWithStatus:
    "probe {{probe}} was answered as a success, expected the error of status {{status}}",
  wrongCode: "probe {{probe}} drew {{code|json}}, expected {{expected|json}} ({{source}})",
  noCode: "probe {{probe}} drew no code, expected {{expected|json}} ({{source}})",
  wrongStatus: "probe {{probe}} came with HTTP {{status}}, expected {{expected}} ({{source}})",
} as const;

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
      "Applies to probe exchanges only (live runs, and recordings whose _conformance hint names the probe). Zenlayer publishes no code for most probes: there only the status class of seed 000 (4xx) is required. A throttled answer (HTTP 429 or a throttling code) to a probe that does not expect one is the target asking to slow down, not its verdict on the probe: the live runner retries it after back-off, and the rule judges the attempt that is not throttled.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check(context) {
    const probe = context.exchange.probe;
    if (!probe) return NOT_APPLICABLE;
    const { expected } = probe;
    const findings: FindingDraft[] = [];
    const code = errorCode(context);
    const expectsThrottling =
      expected.status === 429 || (expected.code !== null && isThrottledAnswer(0, expected.code));
    if (!expectsThrottling && isThrottledAnswer(context.status, code)) return NOT_APPLICABLE;
    if (context.outcome !== "error") {
      findings.push({
        pointer: "",
        ...(expected.code === null
          ? ruleMessage(MESSAGES, "answeredAsSuccessWithStatus", {
              probe: probe.name,
              status: expected.status,
            })
          : ruleMessage(MESSAGES, "answeredAsSuccess", { probe: probe.name, code: expected.code })),
        expected: expected.code ?? `an error with status ${expected.status}`,
        actual: "success",
      });
      return findings;
    }
    if (expected.code !== null && code !== expected.code) {
      const data = { probe: probe.name, expected: expected.code, source: expected.source };
      findings.push({
        pointer: context.spec.errorCodePointer,
        ...(code === undefined
          ? ruleMessage(MESSAGES, "noCode", data)
          : ruleMessage(MESSAGES, "wrongCode", { ...data, code })),
        expected: expected.code,
        actual: code ?? "(absent)",
      });
    }
    if (!statusMatches(expected.status, context.status)) {
      findings.push({
        pointer: "",
        location: "status",
        ...ruleMessage(MESSAGES, "wrongStatus", {
          probe: probe.name,
          status: context.status,
          expected: expected.status,
          source: expected.source,
        }),
        expected: String(expected.status),
        actual: String(context.status),
      });
    }
    return findings;
  },
};
