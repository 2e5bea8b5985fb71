import { DECODE_MESSAGES } from "../decode/decode-problem.js";
import { describeValue } from "./describe-value.js";
import { ALL_DIALECTS, type Rule } from "./rule.js";

export const bodyParseable: Rule = {
  meta: {
    id: "body-parseable",
    severity: "error",
    dialects: ALL_DIALECTS,
    description:
      "The body parses in the format the request asked for (JSON by default, XML for Alibaba Format=XML).",
    source: {
      document: "seeds/004_57eaa02211ab66b6.txt",
      quote:
        "We return the results in either XML or JSON format, but JSON is the default choice. You can switch to XML schema by specifying the request parameter Format.",
    },
    decision:
      "Bodies nested deeper than maxDepth (default 256) and XML with a DOCTYPE are refused here: no envelope nests that deep, and DTDs enable entity expansion.",
    messages: DECODE_MESSAGES,
    needs: "response",
  },
  check({ decoded, exchange }) {
    if (decoded.ok) return [];
    return [
      {
        pointer: "",
        message: decoded.message,
        ...decoded.problem,
        expected: decoded.format === "xml" ? "well-formed XML" : "valid JSON",
        actual: describeValue(exchange.response.body.slice(0, 200), 80),
      },
    ];
  },
};
