import { ruleMessage } from "../model/render-message.js";
import type { Dialect } from "../providers/dialect.js";
import { ALL_DIALECTS, NOT_APPLICABLE, type Rule } from "./rule.js";

const EXPECTED: Record<Dialect, { success: [number, number, string]; error: [number, number, string] }> = {
  // Tencent's official SDKs treat any status but 200 as a transport failure and never read the body.
  tencent: { success: [200, 200, "200"], error: [200, 200, "200"] },
  alibaba: { success: [200, 299, "2xx"], error: [400, 599, "4xx or 5xx"] },
  zenlayer: { success: [200, 200, "200"], error: [400, 599, "4xx or 5xx"] },
};

const MESSAGES = {
  unexpectedStatus: "HTTP {{status}} on a {{dialect}} {{outcome}} response, expected {{expected}}",
  tencentErrorNot200:
    "HTTP {{status}} on a {{dialect}} {{outcome}} response, expected {{expected}} (official Tencent SDKs read an error envelope only with HTTP 200)",
} as const;

export const statusOutcome: Rule = {
  meta: {
    id: "status-outcome",
    severity: "error",
    dialects: ALL_DIALECTS,
    description:
      "The HTTP status agrees with the outcome: Tencent 200 for any processed request; Alibaba 2xx success, 4xx/5xx error; Zenlayer 200 success, 4xx/5xx error.",
    source: {
      document: "seeds/000_cb41bbe9a103a19e.txt",
      quote:
        "For successful requests, the HTTP status code returned is 200. For failed requests, the HTTP status code returned is not 200, but 4xx or 5xx.",
    },
    decision:
      "Tencent errors must come with 200: no document says so outright, but tencentcloud-sdk-nodejs, -go and -python treat any other status as a transport failure and lose the code (provider-facts.md §1).",
    messages: MESSAGES,
    needs: "envelope",
  },
  check({ outcome, status, identity }) {
    if (outcome === "unknown") return NOT_APPLICABLE;
    const [low, high, text] = EXPECTED[identity.dialect][outcome];
    if (status >= low && status <= high) return [];
    return [
      {
        pointer: "",
        location: "status",
        ...ruleMessage(
          MESSAGES,
          identity.dialect === "tencent" && outcome === "error" ? "tencentErrorNot200" : "unexpectedStatus",
          { status, dialect: identity.dialect, outcome, expected: text },
        ),
        expected: text,
        actual: String(status),
      },
    ];
  },
};
