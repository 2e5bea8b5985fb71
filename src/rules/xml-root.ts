import { ruleMessage } from "../model/render-message.js";
import { UNKNOWN } from "../providers/detect-exchange.js";
import { findProduct } from "../providers/registry.js";
import { NOT_APPLICABLE, type Rule } from "./rule.js";

const MESSAGES = {
  unexpectedRoot: "XML root <{{root}}> on a {{outcome}} response, expected <{{expected}}>",
} as const;

export const xmlRoot: Rule = {
  meta: {
    id: "xml-root",
    severity: "error",
    dialects: ["alibaba"],
    description:
      "An Alibaba XML body has a documented root element ({Action}Response, Error, or the product's, e.g. KMS).",
    source: {
      document: "reference/provider-facts.md §1",
      quote:
        "XML: ESS success root is <{Action}Response>, error root <Error>. The KMS documentation uses root <KMS> for both success and error.",
    },
    decision:
      "Success needs {Action}Response (any …Response when the action is unknown), error needs Error; KMS may use KMS for either.",
    messages: MESSAGES,
    needs: "envelope",
  },
  check({ identity, outcome, xmlRoot: root }) {
    if (identity.format !== "xml" || root === undefined || outcome === "unknown") return NOT_APPLICABLE;
    // A root the product uses for both outcomes (provider-facts.md §1: KMS documentation uses <KMS>).
    const productRoot = findProduct("alibaba", identity.product)?.xmlRoot;
    if (root === productRoot) return [];
    const knownAction = identity.action !== UNKNOWN;
    if (
      outcome === "error"
        ? root === "Error"
        : knownAction
          ? root === `${identity.action}Response`
          : root.endsWith("Response")
    ) {
      return [];
    }
    const wanted = [
      outcome === "error" ? "Error" : knownAction ? `${identity.action}Response` : "{Action}Response",
      productRoot,
    ]
      .filter(Boolean)
      .join(" or ");
    return [
      {
        pointer: "",
        ...ruleMessage(MESSAGES, "unexpectedRoot", { root, outcome, expected: wanted }),
        expected: wanted,
        actual: root,
      },
    ];
  },
};
