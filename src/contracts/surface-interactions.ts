import type { CallSpec } from "../live/call-spec.js";
import { describedActionsOf } from "../live/described-actions.js";
import { describedCalls } from "../live/described-calls.js";
import { COMMON_RPC_PARAMETERS } from "../providers/alibaba/sandbox/alibaba-action.js";
import { SANDBOX_CREDENTIALS } from "../providers/credentials.js";
import { dialectContractForms } from "../providers/dialect-contract-forms.js";
import { dialectRequests } from "../providers/dialect-requests.js";
import { dialectSpecs } from "../providers/dialect-specs.js";
import { EXAMPLE_TARGET } from "../providers/signed-json-contract-request.js";
import { describedActions } from "../sandbox/described-answer.js";
import { actionsDocuments } from "../schemas/actions-documents.js";
import type { ContractInteraction } from "./contract-interactions.js";
import { CONTRACT_PRODUCTS, type ContractProduct, productOf } from "./contract-products.js";
import { MatchersV3 } from "./load-pact.js";
import { STATES } from "./provider-states.js";
import { exampleRequestId, REQUEST_ID_PATTERNS } from "./request-id-shapes.js";
import { contractRequest } from "./request-templates.js";
import { type ContractResponse, responseHeaders } from "./response-bodies.js";
import { envelopeSchemaFile, readSchemaFile } from "./schema-files.js";
import { resolveRef, type SchemaNode, withMatchers } from "./schema-matchers.js";

const { like, regex } = MatchersV3;

/**
 * The per-action ("surface") contracts: one success interaction per action a product's generated actions
 * document describes (schemas/DIALECT/actions/PRODUCT/VERSION.actions.json, `x-actions`) that is not one
 * of the product's own calls (those keep their interactions in the product's main pact). Written to their
 * own pact files, consumer `CONSUMER-surface` (docs/contracts.md, "Per-action contracts").
 */
export const SURFACE_SUFFIX = "-surface";
/** The folder of `contracts/` the per-action pacts are written to (not read by a plain `contracts verify`). */
export const SURFACE_DIR = "surface";

export const surfaceConsumer = (consumer: string) => `${consumer}${SURFACE_SUFFIX}`;

/** The products that have an actions document: the seed products (tencent-cvm, alibaba-kms, -ess, zenlayer-bmc). */
export const SURFACE_PRODUCTS: readonly ContractProduct[] = CONTRACT_PRODUCTS.filter(
  (p) => describedActionsOf(productOf(p)).version !== undefined,
);

/**
 * The described actions' calls of a product, in JSON (Alibaba's XML answers are covered by its own calls'
 * XML interactions): every action of its document, mutating ones too, less its own calls, each with the
 * action's minimal request (its required parameters with their documented examples) and the region the
 * product's calls name, as `run --actions` makes them (src/live/described-calls.ts).
 */
export function surfaceCalls(product: ContractProduct): CallSpec[] {
  return describedCalls(
    { spec: "all", mutating: true },
    { dialects: [product.dialect], products: [product.product] },
  ).filter((call) => call.format === "json");
}

/**
 * The action's own parameters as the request carries them to the target, which seed the sandbox's
 * synthesized answer (src/sandbox/described-answer.ts `answerSeed`): the JSON body (Tencent, Zenlayer), or
 * the query less Alibaba's common RPC parameters (RegionId included, values as text), as the sandbox's
 * handlers read them.
 */
export function seedParams(call: CallSpec): Record<string, unknown> {
  const keys = { ...SANDBOX_CREDENTIALS[call.dialect], timestamp: 0 };
  const wire = dialectRequests[call.dialect].signedRequest(
    { ...call, product: productOf(call).service },
    EXAMPLE_TARGET,
    keys,
  );
  if (wire.body) return JSON.parse(wire.body) as Record<string, unknown>;
  const own: Record<string, unknown> = {};
  for (const [name, value] of new URL(wire.url).searchParams)
    if (!COMMON_RPC_PARAMETERS.has(name)) own[name] = value;
  return own;
}

/** Whether a schema allows null (a type list with "null", an `anyOf` with a null choice). */
function nullable(node: SchemaNode, root: SchemaNode): boolean {
  const resolved = resolveRef(node, root);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return types.includes("null") || (resolved.anyOf ?? []).some((choice) => nullable(choice, root));
}

/**
 * The definitions with each object's `required` less the members that may be null: Pact's matchers cannot
 * say "a string or null" (the FFI's combined matchers are AND only, and an expected object or array is
 * never matched against null), so such a member is left out as an optional one is: a provider may answer
 * null (Tencent documents "may return null" for them), and the contract does not judge it.
 */
function withoutNullableRequired(definitions: Record<string, SchemaNode>): Record<string, SchemaNode> {
  const root = { definitions };
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (node === null || typeof node !== "object") return node;
    const object = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v)])) as SchemaNode;
    const { properties, required } = node as SchemaNode;
    if (Array.isArray(required) && properties)
      object.required = required.filter((m) => !properties[m] || !nullable(properties[m], root));
    return object;
  };
  return copy(definitions) as Record<string, SchemaNode>;
}

const contractDefinitions = new Map<string, Record<string, SchemaNode>>();

/**
 * The schema of an action's payload as the contract states it: the action's definition, required members
 * that may be null left out (above), and what the dialect's success envelope requires of every payload
 * (its request ID: Tencent `Response.RequestId`, Alibaba `RequestId`, Zenlayer `response.requestId`).
 */
function payloadSchema(call: CallSpec): { schema: SchemaNode; root: SchemaNode } {
  const document = actionsDocuments().describing(call.dialect, call.product, call.action, call.version);
  const definition = document?.actions[call.action];
  if (!document || !definition) throw new Error(`${call.id}: no actions document describes it`);
  const key = `${call.dialect}/${call.product}/${document.version}`;
  let definitions = contractDefinitions.get(key);
  if (!definitions) {
    definitions = withoutNullableRequired(document.definitions as Record<string, SchemaNode>);
    contractDefinitions.set(key, definitions);
  }
  const root: SchemaNode = { definitions };
  const node = resolveRef({ $ref: `#/definitions/${definition}` }, root);
  const envelope = readSchemaFile(envelopeSchemaFile(call.dialect, call.product, "success"));
  const payload = dialectSpecs[call.dialect].payloadPointer
    .split("/")
    .slice(1)
    .reduce<SchemaNode | undefined>((n, member) => n?.properties?.[member], envelope);
  const required = [...new Set([...(node.required ?? []), ...(payload?.required ?? [])])];
  return { schema: { ...node, required }, root };
}

/**
 * A described action's success answer: the sandbox's answer to the interaction's request (its documented
 * example where the product has one, else the payload synthesized from the definition and seeded by the
 * request's own parameters: DescribedActions.payload, what the built-in sandbox answers), an
 * example request ID, with the matchers of the action's schema and only its required members
 * (withMatchers), in the dialect's envelope, the request-ID header where the dialect sends one, status 200.
 */
export function surfaceResponse(call: CallSpec): ContractResponse {
  const answer = describedActions().payload(
    call.dialect,
    call.product,
    call.action,
    call.version,
    seedParams(call),
  );
  if (!answer) throw new Error(`${call.id}: no actions document describes it`);
  const form = dialectContractForms[call.dialect];
  const requestId = exampleRequestId(call.dialect, call.product, call.id);
  const example = { ...answer, [form.requestIdMember]: requestId };
  const { schema, root } = payloadSchema(call);
  const payload = withMatchers(schema, example, {
    root,
    requestIdPattern: REQUEST_ID_PATTERNS[call.dialect],
  });
  return {
    status: 200,
    headers: responseHeaders(call.dialect, "json", requestId),
    body: form.successBody(payload, requestId, { like, regex }),
  };
}

function surfaceInteraction(product: ContractProduct, call: CallSpec): ContractInteraction {
  return {
    provider: product.provider,
    description: `${call.action} (JSON) succeeds`,
    // Described actions are stateless: the sandbox synthesizes their answers.
    state: STATES.valid,
    call,
    expects: { kind: "success", format: "json" },
    request: contractRequest(call),
    response: surfaceResponse(call),
  };
}

/** The per-action interactions of one provider product, sorted by description (empty without a document). */
export function surfaceInteractionsOf(provider: ContractProduct["provider"]): ContractInteraction[] {
  const product = SURFACE_PRODUCTS.find((p) => p.provider === provider);
  if (!product) return [];
  return surfaceCalls(product)
    .map((call) => surfaceInteraction(product, call))
    .sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
}
