import { isPlainObject } from "../model/json-pointer.js";
import { ruleMessage } from "../model/render-message.js";
import { describeValue } from "./describe-value.js";
import { NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  differs: "HttpStatus in the body ({{bodyStatus}}) differs from the HTTP status {{status}}",
} as const;

export const statusBodyConsistent: Rule = {
  meta: {
    id: "status-body-consistent",
    severity: "error",
    dialects: ["alibaba"],
    description: "A status carried in the body (KMS HttpStatus) equals the HTTP status.",
    source: {
      document: "seeds/002_34ba6698e324b33c.txt",
      quote: "<KMS> <HttpStatus>400</HttpStatus> <Code>IllegalTimestamp</Code> …",
    },
    messages: MESSAGES,
    needs: "body",
  },
  check({ body, status }) {
    if (!isPlainObject(body) || !Object.hasOwn(body, "HttpStatus")) return NOT_APPLICABLE;
    const carried = body.HttpStatus;
    const asNumber = typeof carried === "string" && /^\d{3}$/.test(carried) ? Number(carried) : carried;
    if (asNumber === status) return [];
    return [
      {
        pointer: "/HttpStatus",
        ...ruleMessage(MESSAGES, "differs", { bodyStatus: describeValue(carried), status }),
        expected: String(status),
        actual: describeValue(carried),
      },
    ];
  },
};
