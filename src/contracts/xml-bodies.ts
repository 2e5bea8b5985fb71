import type { CallSpec } from "../live/call-spec.js";
import { dialectContractForms } from "../providers/dialect-contract-forms.js";
import { productOf } from "./contract-products.js";
import { MatchersV3, XmlBuilder, XmlElement } from "./load-pact.js";
import { exampleRequestId, REQUEST_ID_PATTERNS } from "./request-id-shapes.js";
import type { ContractResponse } from "./response-bodies.js";
import { responseHeaders, successExample } from "./response-bodies.js";
import { actionSchema } from "./schema-files.js";
import {
  enumPattern,
  integerAtLeastPattern,
  lengthPatternOf,
  resolveRef,
  type SchemaNode,
} from "./schema-matchers.js";

const { like, regex } = MatchersV3;

type XmlElementLike = InstanceType<typeof XmlElement>;

/**
 * The root element of an Alibaba XML answer: the product's own root where it has one (KMS answers `<KMS>`
 * for successes and errors alike), else `<{Action}Response>` (provider-facts §1; docs/sandbox.md).
 * Recordings of KMS DescribeRegions also show `<DescribeRegionsResponse>`, which the xml-root rule accepts
 * too; the contract pins the product's own.
 */
export const xmlRoot = (call: CallSpec) => productOf(call).xmlRoot ?? `${call.action}Response`;

/** Text matchers: XML text is always a string, so a regex says what the JSON matchers' types say. */
function textMatcher(node: SchemaNode, name: string, text: string, value: unknown, call: CallSpec) {
  if (name === dialectContractForms[call.dialect].requestIdMember)
    return regex(REQUEST_ID_PATTERNS[call.dialect], text);
  if (node.enum) return regex(enumPattern(node.enum), text);
  if (typeof value === "number") {
    if (node.type === "integer" || Number.isInteger(value))
      return regex(node.minimum === undefined ? "^-?\\d+$" : integerAtLeastPattern(node.minimum), text);
    return regex("^-?\\d+(\\.\\d+)?$", text);
  }
  const length = lengthPatternOf(node);
  return length === undefined ? like(text) : regex(length, text);
}

/**
 * A repeated element whose schema requires at least one (`minItems` ≥ 1): a type matcher over one example
 * element with that minimum. pact-js 16's `XmlElement.eachLike` drops a `min`, so the matcher node is built
 * here in the same integration JSON (the FFI reads `min` from it).
 */
function appendRepeated(
  parent: XmlElementLike,
  name: string,
  min: number,
  fill: (element: XmlElementLike) => void,
) {
  const element = new XmlElement(name).setAttributes(new Map());
  fill(element);
  (parent.children as unknown[]).push({ "pact:matcher:type": "type", min, value: element, examples: 1 });
}

function appendMember(
  parent: XmlElementLike,
  name: string,
  schema: SchemaNode,
  value: unknown,
  root: SchemaNode,
  call: CallSpec,
) {
  const node = resolveRef(schema, root);
  if (Array.isArray(value)) {
    // A list the schema allows to be empty is left out (its wrapper, e.g. <Regions>, stays): Pact's XML
    // matching reports an expected child missing whatever its matcher's `min` (pact_matching xml.rs,
    // compare_children), and ignores children the contract does not list outside a repeated element.
    // So an empty list verifies, as in JSON; the elements' content is not judged (docs/contracts.md).
    const min = node.minItems ?? 0;
    if (value.length === 0 || min === 0) return;
    const items = resolveRef(node.items ?? {}, root);
    appendRepeated(parent, name, min, (element) => fillElement(element, name, items, value[0], root, call));
    return;
  }
  parent.appendElement(name, new Map(), (element) => fillElement(element, name, node, value, root, call));
}

/**
 * An element's content: for an object, its required members only (as in JSON; Pact's XML matching
 * refuses children the contract does not list inside a repeated element, docs/contracts.md), else its
 * text with the schema's matcher.
 */
function fillElement(
  element: XmlElementLike,
  name: string,
  node: SchemaNode,
  value: unknown,
  root: SchemaNode,
  call: CallSpec,
) {
  if (value !== null && typeof value === "object") {
    const members = value as Record<string, unknown>;
    for (const member of node.required ?? []) {
      if (!Object.hasOwn(members, member))
        throw new Error(`<${name}>: the example lacks <${member}>, which the schema requires`);
      appendMember(element, member, node.properties?.[member] ?? {}, members[member], root, call);
    }
    return;
  }
  element.appendText(textMatcher(node, name, String(value), value, call));
}

/**
 * An Alibaba XML success answer: the same data as the JSON example (format parity), as XML under the
 * product's root, with matchers on element text (XML text is always a string: numbers get a numeric
 * regex), only the required members, lists that may be empty left out (an empty list verifies, as in
 * JSON), the `x-acs-request-id` header.
 */
export function xmlSuccessResponse(call: CallSpec): ContractResponse {
  const schema = actionSchema(call.dialect, call.product, call.action);
  const example = { ...successExample(call) };
  const member = dialectContractForms[call.dialect].requestIdMember;
  example[member] ??= exampleRequestId(call.dialect, call.product, call.id);
  const root = xmlRoot(call);
  const body = new XmlBuilder("1.0", "UTF-8", root).build((rootElement) =>
    fillElement(rootElement, root, schema, example, schema, call),
  );
  return {
    status: 200,
    headers: responseHeaders(call.dialect, "xml", String(example[member])),
    body,
  };
}
