/**
 * Action schemas for Alibaba Cloud KMS 2016-01-20 and Auto Scaling (ESS) 2014-08-28, generated from the
 * official Go SDK's models (../shared/corpus/alibaba-cloud-sdk-go/services/{kms,ess}, read in place).
 *
 * One document per product version, `alibaba/actions/PRODUCT/VERSION.actions.json`: `x-actions` maps each
 * action to the definition of its `XxxResponse` struct, which describes the ROOT object of the JSON body
 * (RequestId and the action's members side by side, JSON names from the `json` tags); the engine derives the
 * XML view itself (src/schemas/xml-view.ts). Nested structs (struct_*.go) are definitions reached by `$ref`;
 * RPC list wrappers stay as the wire has them (`ScalingGroups: {ScalingGroup: [...]}`).
 *
 * Decisions (docs/schemas.md, "Generated action schemas (Alibaba and Zenlayer)"):
 * - Nothing is `required`, RequestId included. The models mark nothing required and members come and go
 *   between API revisions (reference/provider-facts.md §5: "None of the official descriptions of KMS, ESS or
 *   Zenlayer marks a response member as required (the Go models have none)", and Encrypt's KeyVersionId came
 *   later). A missing or non-string RequestId is the envelope's business: AlibabaSuccessEnvelope requires a
 *   string RequestId, and `request-id-present` judges it.
 * - Types are exact: an `int` member sent as "5" is a finding. alibaba-cloud-sdk-go would accept it
 *   (sdk/responses/json_parser.go: fuzzy decoders read numbers from strings, strings from numbers, null as
 *   the zero value), and darabonba's Tea `cast` turns a digit string into a number, but @alicloud/pop-core
 *   hands the caller `JSON.parse(body)` unchanged (provider-facts §1), as does the Python core SDK, so a
 *   string where the model says int reaches user code as a string. The hand-written ESS/KMS schemas type
 *   counts as integers and the sandbox's `count-as-string` defect relies on `action-schema` catching them.
 * - No null anywhere: every member of these models is a Go value type (no pointers; a pointer throws), the
 *   XML form cannot carry null, and xml-view.ts derives its text patterns only for a single `type`.
 * - `additionalProperties: true` everywhere; no `enum`: the Go models have none.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { GoSchemaBuilder, type GoStruct, type JsonSchema, parseGoStructs, sortedByKey } from "./go-models.js";
import { goRequestParameters, requestSchema } from "./request-schemas.js";

const SDK = "alibaba-cloud-sdk-go";

/** The products generated, with the folder, the Go SDK's product name and the API version they must carry. */
export const ALIBABA_PRODUCTS = [
  { product: "kms", folder: "services/kms", sdkProduct: "Kms", version: "2016-01-20", name: "KMS" },
  {
    product: "ess",
    folder: "services/ess",
    sdkProduct: "Ess",
    version: "2014-08-28",
    name: "Auto Scaling (ESS)",
  },
] as const;

/** The commit the corpus was copied from, as its README states it (read there, not repeated here). */
export function alibabaCorpusCommit(corpusDir: string): string {
  const readme = readFileSync(path.join(corpusDir, SDK, "README.md"), "utf8");
  const match = /commit\s+([0-9a-f]{40})\b/.exec(readme);
  if (!match) throw new Error(`${SDK}/README.md does not state a 40-hex commit`);
  return match[1] as string;
}

export interface AlibabaAction {
  action: string;
  /** The Go response struct, e.g. EncryptResponse. */
  response: string;
  /** The Go request struct, e.g. EncryptRequest. */
  request: string;
  /** The file that declares the action, relative to the SDK folder. */
  file: string;
}

/**
 * The actions of one product folder: every `CreateXxxRequest()` that calls
 * `request.InitWithApiInfo("Kms", "2016-01-20", "Encrypt", …)`, joined with the client method that takes
 * that request type and returns `(response *XxxResponse, err error)`.
 */
export function alibabaActions(
  productDir: string,
  sdkProduct: string,
  version: string,
): { actions: AlibabaAction[]; structs: Map<string, GoStruct> } {
  const structs = new Map<string, GoStruct>();
  const actions: AlibabaAction[] = [];
  const files = readdirSync(productDir)
    .filter((f) => f.endsWith(".go"))
    .sort();
  for (const file of files) {
    const source = readFileSync(path.join(productDir, file), "utf8");
    for (const [name, struct] of parseGoStructs(source, path.join(productDir, file))) {
      if (structs.has(name)) throw new Error(`${productDir}: struct ${name} declared in two files`);
      structs.set(name, struct);
    }
    // Each top-level function of the generated file, from its `func` to the next one.
    const inits = source.split(/\n(?=func )/).flatMap((fn) => {
      const head = /^func Create\w+Request\(\) \(request \*(\w+)\)/.exec(fn);
      const init = /\bInitWithApiInfo\(([^)]*)\)/.exec(fn);
      return head && init ? [{ requestType: head[1] as string, args: init[1] as string }] : [];
    });
    if (inits.length === 0) continue;
    if (inits.length > 1) throw new Error(`${file}: more than one action`);
    const { requestType, args } = inits[0] as { requestType: string; args: string };
    const [product, apiVersion, action] = args.split(",").map((a) => a.trim().replace(/^"|"$/g, ""));
    if (product !== sdkProduct || apiVersion !== version || !action) {
      throw new Error(`${file}: InitWithApiInfo(${args}) is not ${sdkProduct} ${version}`);
    }
    const method = new RegExp(
      `func \\(client \\*Client\\) \\w+\\(request \\*${requestType}\\) \\(response \\*(\\w+), err error\\)`,
    ).exec(source);
    if (!method) throw new Error(`${file}: no client method takes *${requestType}`);
    actions.push({ action, response: method[1] as string, request: requestType, file });
  }
  return { actions, structs };
}

/** The generated document of one product version (see the file's comment). */
function productDocument(
  corpusDir: string,
  commit: string,
  spec: (typeof ALIBABA_PRODUCTS)[number],
): JsonSchema {
  const source = `corpus/${SDK}/${spec.folder}`;
  const { actions, structs } = alibabaActions(
    path.join(corpusDir, SDK, spec.folder),
    spec.sdkProduct,
    spec.version,
  );
  const builder = new GoSchemaBuilder({
    where: `${SDK} ${spec.folder}`,
    structs,
    allowsNull: () => false,
    pointer: "refused",
    descriptions: false,
  });
  const xActions: Record<string, string> = {};
  const xRequests: Record<string, Record<string, unknown>> = {};
  for (const { action, response, request, file } of actions) {
    if (Object.hasOwn(xActions, action)) throw new Error(`${spec.folder}: action ${action} twice`);
    const struct = structs.get(response);
    if (!struct) throw new Error(`${spec.folder}/${file}: no struct ${response}`);
    const embeds = struct.embedded.map((e) => (e.kind === "pointer" && e.elem.kind === "named" ? e.elem : e));
    if (!embeds.some((e) => e.kind === "named" && e.package === "responses" && e.name === "BaseResponse")) {
      throw new Error(`${spec.folder}/${file}: ${response} does not embed *responses.BaseResponse`);
    }
    builder.reached.add(response);
    xActions[action] = response;
    const requestStruct = structs.get(request);
    if (!requestStruct) throw new Error(`${spec.folder}/${file}: no struct ${request}`);
    // Every field with a position (Query, Body, Path, Host) is a parameter, named by its `name` tag.
    const parameters = goRequestParameters(
      requestStruct.fields,
      (field) => (field.tags.position !== undefined ? field.tags.name : undefined),
      `${spec.folder}/${file}: ${request}`,
    );
    xRequests[action] = requestSchema(parameters, `${spec.folder}/${file}: ${request}`);
  }
  const id = `alibaba/actions/${spec.product}/${spec.version}.actions.json`;
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: id,
    title: `Alibaba${spec.sdkProduct}${spec.version.replaceAll("-", "")}Actions`,
    description:
      `Alibaba Cloud ${spec.name} ${spec.version}: the response of every action (${actions.length}), ` +
      "as the root object of the JSON body; the engine derives the XML view. " +
      `Generated by npm run gen:schemas from ${source} (the official Go SDK's models, ` +
      `scripts/schema-generation/alibaba.ts). Do not edit: change the generator and regenerate. ` +
      "Nothing is required (the models mark nothing required); types are exact (no number as a string, " +
      "no null); other members pass. See docs/schemas.md, Generated action schemas (Alibaba and Zenlayer).",
    "x-generated": { generator: "scripts/schema-generation/alibaba.ts", source, commit },
    "x-actions": sortedByKey(xActions),
    "x-requests": sortedByKey(xRequests),
    definitions: builder.definitions(),
  };
}

/** Every generated Alibaba document, keyed by its path relative to schemas/. */
export function alibabaActionSchemas(corpusDir: string): Map<string, object> {
  const commit = alibabaCorpusCommit(corpusDir);
  const documents = new Map<string, object>();
  for (const spec of ALIBABA_PRODUCTS) {
    const document = productDocument(corpusDir, commit, spec);
    documents.set(document.$id as string, document);
  }
  return documents;
}
