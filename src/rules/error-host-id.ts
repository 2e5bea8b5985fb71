import { isPlainObject } from "../model/json-pointer.js";
import { ruleMessage } from "../model/render-message.js";
import { findProduct } from "../providers/registry.js";
import { describeValue } from "./describe-value.js";
import { NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  missing: "error has no HostId",
  notString: "HostId is not a string",
} as const;

export const errorHostId: Rule = {
  meta: {
    id: "error-host-id",
    severity: "error",
    dialects: ["alibaba"],
    description: "An Alibaba error carries HostId.",
    source: {
      document: "seeds/004_57eaa02211ab66b6.txt",
      quote:
        "Every error response consists of a request ID in the RequestId element and access endpoint in the HostId element, the error code, and the error message.",
    },
    decision:
      "KMS: seed 002's text says the body contains HostId, yet both of its own examples omit it, so for KMS (a product whose definition marks HostId optional) a missing HostId is a warning. An empty HostId is accepted (seed 004's own example is empty).",
    messages: MESSAGES,
    needs: "envelope",
  },
  check({ outcome, body, identity }) {
    if (outcome !== "error" || !isPlainObject(body)) return NOT_APPLICABLE;
    const hostId = body.HostId;
    if (typeof hostId === "string") return [];
    return [
      {
        pointer: "/HostId",
        ...(findProduct("alibaba", identity.product)?.hostIdOptional ? { severity: "warning" as const } : {}),
        ...ruleMessage(MESSAGES, hostId === undefined ? "missing" : "notString"),
        expected: "a string (the endpoint)",
        actual: describeValue(hostId),
      },
    ];
  },
};
