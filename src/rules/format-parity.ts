import { escapeToken, isPlainObject } from "../model/json-pointer.js";
import { ruleMessage } from "../model/render-message.js";
import type { BodyFormat } from "../providers/dialect.js";
import { findProduct } from "../providers/registry.js";
import { describeValue } from "./describe-value.js";
import { errorCode } from "./error-fields.js";
import type { GroupRule, MemberJudgement } from "./group-rule.js";
import { isThrottledAnswer } from "./group-throttled-answer.js";
import { type FindingDraft, NOT_APPLICABLE, type RuleContext, type RuleMeta } from "./rule.js";

/** Members that differ between any two calls, compared by presence only; products name their own. */
const ALWAYS_VARYING = ["/RequestId"];

function varyingMembers(product: string, action: string): ReadonlySet<string> {
  const call = findProduct("alibaba", product)?.calls.find((c) => c.action === action);
  return new Set([...ALWAYS_VARYING, ...(call?.varying ?? [])]);
}

const MESSAGES = {
  presenceDiffers: "{{pointer}} is in only one of the JSON and XML answers",
  countDiffers: "{{at}}: the JSON answer lists {{jsonCount}} item(s), the XML answer {{xmlCount}}",
  notAnObject: "{{at}}: an object in JSON, {{xml}} in XML",
  valueDiffers: "{{pointer}}: the JSON answer has {{json}}, the XML answer {{xml}}",
} as const;

export const formatParityMeta: RuleMeta = {
  id: "format-parity",
  severity: "error",
  dialects: ["alibaba"],
  description: "The JSON and XML answers to the same call carry the same data.",
  source: {
    document: "seeds/004_57eaa02211ab66b6.txt",
    quote:
      "We return the results in either XML or JSON format, but JSON is the default choice. You can switch to XML schema by specifying the request parameter Format.",
  },
  decision:
    "Compared after the XML normalisation of docs/schemas.md: an XML leaf equals the JSON value's text, a single XML element equals a JSON list of one, an empty element an empty list. RequestId, and the members a product's call names as varying (KMS Encrypt's CiphertextBlob, which has a random IV), are compared by presence only. Judged by live runs, on the XML answer of each pair.",
  messages: MESSAGES,
  needs: "envelope",
};

function asList(xml: unknown): unknown[] {
  if (Array.isArray(xml)) return xml;
  return xml === "" || xml === undefined ? [] : [xml];
}

function compare(
  json: unknown,
  xml: unknown,
  pointer: string,
  varying: ReadonlySet<string>,
  out: FindingDraft[],
): void {
  if (varying.has(pointer)) {
    if ((json === undefined) !== (xml === undefined)) {
      out.push({
        pointer,
        ...ruleMessage(MESSAGES, "presenceDiffers", { pointer }),
        expected: describeValue(json),
        actual: describeValue(xml),
      });
    }
    return;
  }
  if (Array.isArray(json)) {
    const list = asList(xml);
    if (list.length !== json.length) {
      out.push({
        pointer,
        ...ruleMessage(MESSAGES, "countDiffers", {
          at: pointer || "body",
          jsonCount: json.length,
          xmlCount: list.length,
        }),
        expected: String(json.length),
        actual: String(list.length),
      });
      return;
    }
    for (const [i, item] of json.entries()) compare(item, list[i], `${pointer}/${i}`, varying, out);
    return;
  }
  if (isPlainObject(json)) {
    const xmlObject = isPlainObject(xml) ? xml : xml === "" ? {} : undefined;
    if (!xmlObject) {
      out.push({
        pointer,
        ...ruleMessage(MESSAGES, "notAnObject", { at: pointer || "body", xml: describeValue(xml) }),
        expected: "an element with children",
        actual: describeValue(xml),
      });
      return;
    }
    for (const key of new Set([...Object.keys(json), ...Object.keys(xmlObject)])) {
      // Own members only: a member named toString or constructor must not meet Object.prototype's.
      const own = (object: Record<string, unknown>) => (Object.hasOwn(object, key) ? object[key] : undefined);
      compare(own(json), own(xmlObject), `${pointer}/${escapeToken(key)}`, varying, out);
    }
    return;
  }
  const text = json === null || json === undefined ? undefined : String(json);
  const xmlText = typeof xml === "string" ? xml : xml === undefined ? undefined : null;
  if (text === xmlText || (json === null && xml === "")) return;
  out.push({
    pointer,
    ...ruleMessage(MESSAGES, "valueDiffers", {
      pointer,
      json: describeValue(json),
      xml: describeValue(xml),
    }),
    expected: text ?? "(absent)",
    actual: xmlText ?? describeValue(xml),
  });
}

/** Findings on the XML answer for every datum it does not share with the JSON answer to the same call. */
export function formatParityFindings(
  product: string,
  action: string,
  jsonBody: unknown,
  xmlBody: unknown,
): FindingDraft[] {
  const varying = varyingMembers(product, action);
  const findings: FindingDraft[] = [];
  compare(jsonBody, xmlBody, "", varying, findings);
  return findings;
}

/** The call an answer of a live run answers: its call id without the format and the retry (source.probe). */
function callOf({ exchange }: RuleContext): string | undefined {
  const label = exchange.source.probe;
  if (label === undefined || exchange.probe || label.startsWith("probe:")) return undefined;
  return label.replace(/#retry\d+$/, "").replace(/\.xml$/, "");
}

const isFinalXml = (member: RuleContext) =>
  member.identity.format === "xml" && !isThrottledAnswer(member.status, errorCode(member));

/**
 * The JSON and XML answers to one call of a live run (call ids `alibaba/kms/Encrypt` and
 * `alibaba/kms/Encrypt.xml`, with their retries after throttling), complete with the XML answer that is not
 * throttled (the XML call follows the JSON one). The last answer in each format is compared; the findings
 * are on the XML answer. Recordings carry no call id and are not paired.
 */
export const formatParity: GroupRule = {
  meta: formatParityMeta,
  groupOf(member) {
    if (member.identity.dialect !== "alibaba") return undefined;
    const call = callOf(member);
    return call === undefined ? undefined : `${member.exchange.source.file}\u0000${call}`;
  },
  isComplete: (members) => members.some(isFinalXml),
  judge(members): MemberJudgement[] {
    const judgements: MemberJudgement[] = members.map(() => NOT_APPLICABLE);
    const lastIn = (format: BodyFormat) => members.map((m) => m.identity.format).lastIndexOf(format);
    const json = members[lastIn("json")];
    const xmlIndex = lastIn("xml");
    const xml = members[xmlIndex];
    if (!json || !xml || json.outcome !== "success" || xml.outcome !== "success") return judgements;
    judgements[xmlIndex] = formatParityFindings(
      xml.identity.product,
      xml.identity.action,
      json.body,
      xml.body,
    );
    return judgements;
  },
};
