import type { FindingData } from "../model/finding.js";
import { renderMessage } from "../model/render-message.js";
import type { BodyFormat } from "../providers/dialect.js";
import type { DecodedBody } from "./decoded-body.js";

/** Why a body does not decode, by messageId: the messages of rule body-parseable. */
export const DECODE_MESSAGES = {
  empty: "body is empty, expected {{format}}",
  invalidJson: "body is not valid JSON: {{reason}}",
  truncatedJson: "body is not valid JSON: {{reason}} (the body ends early: truncated?)",
  tooDeep: "body nests deeper than {{maxDepth}} levels (maxDepth); not judged further",
  dtdRefused: "body declares a DOCTYPE or ENTITY; DTDs are refused (entity expansion, e.g. billion laughs)",
  malformedXml: "body is not well-formed XML: {{reason}} (line {{line}}, column {{column}})",
  malformedXmlAtLine: "body is not well-formed XML: {{reason}} (line {{line}})",
  xmlRefused: "body could not be decoded as XML: {{reason}}",
  xmlRootCount: "body has {{roots}} root elements, expected one",
} as const;

export type DecodeProblemId = keyof typeof DECODE_MESSAGES;

/** A body that did not decode: the problem for programs, and the sentence for people. */
export function decodeFailure(
  format: BodyFormat,
  messageId: DecodeProblemId,
  data: FindingData = {},
): DecodedBody {
  return {
    ok: false,
    format,
    message: renderMessage(DECODE_MESSAGES[messageId], data),
    problem: { messageId, data },
  };
}
