import { escapeToken, isPlainObject } from "../model/json-pointer.js";
import { findProduct } from "../providers/registry.js";
import { describeValue } from "./describe-value.js";
import type { FindingDraft, RuleMeta } from "./rule.js";

/** Members that differ between any two calls, compared by presence only; products name their own. */
const ALWAYS_VARYING = ["/RequestId"];

function varyingMembers(product: string, action: string): ReadonlySet<string> {
  const call = findProduct("alibaba", product)?.calls.find((c) => c.action === action);
  return new Set([...ALWAYS_VARYING, ...(call?.varying ?? [])]);
}

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
        message: `${pointer} is in only one of the JSON and XML answers`,
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
        message: `${pointer || "body"}: the JSON answer lists ${json.length} item(s), the XML answer ${list.length}`,
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
        message: `${pointer || "body"}: an object in JSON, ${describeValue(xml)} in XML`,
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
    message: `${pointer}: the JSON answer has ${describeValue(json)}, the XML answer ${describeValue(xml)}`,
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
