import { ruleMessage } from "../model/render-message.js";
import { ALL_DIALECTS, type Rule } from "./rule.js";

const NAMES_FORMAT = {
  json: /^(application\/json|text\/json|application\/[\w.+-]+\+json)$/,
  xml: /^(text\/xml|application\/xml|application\/[\w.+-]+\+xml)$/,
};

const MESSAGES = {
  missing: "response has no Content-Type header",
  wrongFormat: "Content-Type {{contentType|json}} does not name the body's format ({{format}})",
} as const;

export const contentTypeConsistent: Rule = {
  meta: {
    id: "content-type-consistent",
    severity: "error",
    dialects: ALL_DIALECTS,
    description: "The Content-Type header names the body's format.",
    source: {
      document: "reference/provider-facts.md §1",
      quote:
        "Python SDK only inspects bodies with Content-Type application/json or text/plain … XML error bodies (root Error) are parsed only … for Content-Type exactly text/xml;charset=utf-8.",
    },
    decision:
      "Judged only when the body decodes (body-parseable reports the rest). JSON needs application/json, text/json or a +json type; XML needs text/xml, application/xml or a +xml type; text/plain does not name a format.",
    messages: MESSAGES,
    needs: "body",
  },
  check({ responseHeaders, identity }) {
    const header = responseHeaders["content-type"];
    const expected = identity.format === "xml" ? "text/xml or application/xml" : "application/json";
    if (header === undefined || header.trim() === "") {
      return [
        {
          pointer: "",
          location: "header:content-type",
          ...ruleMessage(MESSAGES, "missing"),
          expected,
          actual: "(absent)",
        },
      ];
    }
    const mediaType = (header.split(";")[0] ?? "").trim().toLowerCase();
    if (NAMES_FORMAT[identity.format].test(mediaType)) return [];
    return [
      {
        pointer: "",
        location: "header:content-type",
        ...ruleMessage(MESSAGES, "wrongFormat", {
          contentType: header,
          format: identity.format.toUpperCase(),
        }),
        expected,
        actual: header,
      },
    ];
  },
};
