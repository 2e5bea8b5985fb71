import type { CallSpec } from "../live/call-spec.js";
import { MatchersV3, XmlBuilder } from "./load-pact.js";
import { exampleRequestId, REQUEST_ID_PATTERNS } from "./request-id-shapes.js";
import type { ContractResponse } from "./response-bodies.js";
import { successExample } from "./response-bodies.js";
import { actionSchema } from "./schema-files.js";
import { enumPattern, resolveRef, type SchemaNode } from "./schema-matchers.js";

const { like, regex } = MatchersV3;

type XmlElementLike = Parameters<Parameters<InstanceType<typeof XmlBuilder>["build"]>[0]>[0];

/**
 * The root element of an Alibaba XML answer: KMS answers `<KMS>` for successes and errors alike, ESS
 * `<{Action}Response>` (provider-facts §1; docs/sandbox.md). Recordings of KMS DescribeRegions also show
 * `<DescribeRegionsResponse>`, which the xml-root rule accepts too; the contract pins the product's own.
 */
export const xmlRoot = (call: CallSpec) => (call.product === "kms" ? "KMS" : `${call.action}Response`);

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
    if (value.length === 0) return;
    const items = node.items ?? {};
    parent.eachLike(
      name,
      new Map(),
      (element) => fillElement(element, resolveRef(items, root), value[0], root, call),
      { min: node.minItems ?? 0, examples: 1 },
    );
    return;
  }
  parent.appendElement(name, new Map(), (element) => fillElement(element, node, value, root, call));
}

function fillElement(
  element: XmlElementLike,
  node: SchemaNode,
  value: unknown,
  root: SchemaNode,
  call: CallSpec,
) {
  if (value !== null && typeof value === "object") {
    for (const [member, memberValue] of Object.entries(value))
      appendMember(element, member, node.properties?.[member] ?? {}, memberValue, root, call);
    return;
  }
  const text = String(value);
  if (element.name === "RequestId") element.appendText(regex(REQUEST_ID_PATTERNS[call.dialect], text));
  else if (node.enum) element.appendText(regex(enumPattern(node.enum), text));
  else if (typeof value === "number") element.appendText(regex("^-?\\d+(\\.\\d+)?$", text));
  else element.appendText(like(text));
}

/**
 * An Alibaba XML success answer: the same data as the JSON example (format parity), as XML under the
 * product's root, with matchers on element text (XML text is always a string: numbers get a numeric
 * regex) and `eachLike` for repeated elements.
 */
export function xmlSuccessResponse(call: CallSpec): ContractResponse {
  const schema = actionSchema(call.dialect, call.product, call.action);
  const example = { ...successExample(call) };
  example.RequestId ??= exampleRequestId(call.dialect, call.product, call.id);
  const body = new XmlBuilder("1.0", "UTF-8", xmlRoot(call)).build((rootElement) =>
    fillElement(rootElement, schema, example, schema, call),
  );
  return {
    status: 200,
    headers: { "Content-Type": regex("^text/xml.*$", "text/xml;charset=utf-8") },
    body,
  };
}
