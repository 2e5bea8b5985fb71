import { describeValue } from "./describe-value.js";
import { renderMessage, ruleMessage } from "./render-message.js";
import { ALL_DIALECTS, type FindingData, type Rule } from "./rule.js";

const MESSAGES = {
  empty: "body is empty, expected {{format}}",
  invalidJson: "body is not valid JSON: {{reason}}",
  truncatedJson: "body is not valid JSON: {{reason}} (the body ends early: truncated?)",
  tooDeep: "body nests deeper than {{maxDepth}} levels (maxDepth); not judged further",
  dtdRefused: "body declares a DOCTYPE or ENTITY; DTDs are refused (entity expansion, e.g. billion laughs)",
  malformedXml: "body is not well-formed XML: {{reason}} (line {{line}}, column {{column}})",
  malformedXmlAtLine: "body is not well-formed XML: {{reason}} (line {{line}})",
  xmlRefused: "body could not be decoded as XML: {{reason}}",
  xmlRootCount: "body has {{roots}} root elements, expected one",
  undecodable: "{{reason}}",
} as const;

type MessageId = keyof typeof MESSAGES;

/**
 * The decoder (src/decode) says why a body does not decode in a sentence; each sentence it writes is read
 * back here into its messageId and data. Named groups are data, those in NUMBERS as numbers. A sentence
 * none of these reads back exactly is `undecodable`, with the whole sentence as its reason.
 */
const READ_BACK: readonly [MessageId, RegExp][] = [
  ["empty", /^body is empty, expected (?<format>JSON|XML)$/],
  ["truncatedJson", /^body is not valid JSON: (?<reason>.*) \(the body ends early: truncated\?\)$/s],
  ["invalidJson", /^body is not valid JSON: (?<reason>.*)$/s],
  ["tooDeep", /^body nests deeper than (?<maxDepth>\d+) levels \(maxDepth\); not judged further$/],
  ["dtdRefused", /^body declares a DOCTYPE or ENTITY; DTDs are refused/],
  [
    "malformedXml",
    /^body is not well-formed XML: (?<reason>.*) \(line (?<line>\d+), column (?<column>\d+)\)$/s,
  ],
  ["malformedXmlAtLine", /^body is not well-formed XML: (?<reason>.*) \(line (?<line>\d+)\)$/s],
  ["xmlRefused", /^body could not be decoded as XML: (?<reason>.*)$/s],
  ["xmlRootCount", /^body has (?<roots>\d+) root elements, expected one$/],
];

const NUMBERS = new Set(["maxDepth", "line", "column", "roots"]);

function readBack(sentence: string): ReturnType<typeof ruleMessage> {
  for (const [messageId, pattern] of READ_BACK) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const data: FindingData = {};
    for (const [name, value] of Object.entries(match.groups ?? {}))
      data[name] = NUMBERS.has(name) ? Number(value) : value;
    if (renderMessage(MESSAGES[messageId], data) === sentence) return ruleMessage(MESSAGES, messageId, data);
  }
  return ruleMessage(MESSAGES, "undecodable", { reason: sentence });
}

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
    messages: MESSAGES,
    needs: "response",
  },
  check({ decoded, exchange }) {
    if (decoded.ok) return [];
    return [
      {
        pointer: "",
        ...readBack(decoded.message),
        expected: decoded.format === "xml" ? "well-formed XML" : "valid JSON",
        actual: describeValue(exchange.response.body.slice(0, 200), 80),
      },
    ];
  },
};
