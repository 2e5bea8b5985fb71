/**
 * Action schemas for every Zenlayer Cloud service, generated from the official Go SDK's models
 * (../shared/corpus/zenlayercloud-sdk-go/zenlayercloud/SERVICEVERSION/{client,models}.go, read in place).
 *
 * One document per service version, `zenlayer/actions/SERVICE/VERSION.actions.json`: SERVICE is the
 * client's `SERVICE` constant (bmc, vm, zec, …: the service name without the date, what detection reads
 * from `/api/v2/SERVICE`), VERSION its `APIVersion` constant (what the SDK sends; see zbc below).
 * `x-actions` maps each action to the definition of the object INSIDE `response` (the dialect's payload
 * of `{requestId, response: {…}}`): the struct that the action's `XxxResponse.Response` field points to
 * (`*XxxResponseParams` mostly, but also `*DescribeZonesResponseParam`, `*InstanceTrafficDataResponse`,
 * …), or, where that field is an inline `struct { RequestId string … }`, a definition named
 * `XxxResponseParams` holding it. The action itself comes from client.go:
 * `NewXxxRequest()` calls `InitWithApiInfo(SERVICE, APIVersion, "Action")`, and the client method that
 * takes that request type returns the response type (the method's name may differ from the action).
 *
 * Decisions (docs/schemas.md, "Generated action schemas (Alibaba and Zenlayer)"):
 * - Nothing is `required`, requestId included: every member carries `omitempty`, the models mark nothing
 *   required (reference/provider-facts.md §5), and the inner `requestId` is ZenlayerSuccessEnvelope's
 *   business (it requires `response.requestId` as a string) and `request-id-consistent`'s.
 * - null is allowed exactly where the Go model can hold nil: pointers (`*string`, `*int`, `*Struct`),
 *   slices, maps and interface{}. There the SDK's caller sees nil, as for an absent member. A value-typed
 *   member (`string`, `int`, `bool`, a struct value) refuses null: encoding/json (the SDK's decoder,
 *   common/response.go) "has no effect on the value and produces no error" for a JSON null there, so the
 *   caller reads "" or 0 that the provider never sent. The hand-written bmc DescribeInstances schema made
 *   the same choice for imageId and expiredTime (pointers in the models).
 * - Types are exact: encoding/json fails the whole call with an UnmarshalTypeError on a number sent as a
 *   string (no `,string` tag is used in these models).
 * - `additionalProperties: true` everywhere; no `enum`: the Go models have none (allowed values are only
 *   in the doc comments, which become `description`s).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  GoSchemaBuilder,
  type GoStruct,
  type GoType,
  goTypeText,
  type JsonSchema,
  jsonNameOf,
  parseGoStructs,
  sortedByKey,
} from "./go-models.js";
import { goRequestParameters, requestSchema } from "./request-schemas.js";

const SDK = "zenlayercloud-sdk-go";

/** The commit the corpus was copied from, as its README.corpus.md states it (read there, not repeated). */
export function zenlayerCorpusCommit(corpusDir: string): string {
  const readme = readFileSync(path.join(corpusDir, SDK, "README.corpus.md"), "utf8");
  const match = /commit\s+([0-9a-f]{40})\b/.exec(readme);
  if (!match) throw new Error(`${SDK}/README.corpus.md does not state a 40-hex commit`);
  return match[1] as string;
}

export interface ZenlayerService {
  /** The folder under zenlayercloud/, e.g. bmc20221120. */
  folder: string;
  /** The client's SERVICE constant, e.g. bmc. */
  service: string;
  /** The client's APIVersion constant, e.g. 2022-11-20. */
  version: string;
  actions: { action: string; request: string; response: string }[];
}

/** Every service folder of the SDK (a folder with a models.go), in name order. */
export function zenlayerServiceFolders(corpusDir: string): string[] {
  const root = path.join(corpusDir, SDK, "zenlayercloud");
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(path.join(root, d.name)).includes("models.go"))
    .map((d) => d.name)
    .sort();
}

/** What client.go says of one service: its name, version and actions (see the file's comment). */
export function zenlayerService(corpusDir: string, folder: string): ZenlayerService {
  const file = path.join(corpusDir, SDK, "zenlayercloud", folder, "client.go");
  const source = readFileSync(file, "utf8");
  const constant = (name: string): string => {
    const match = new RegExp(`^\\s*${name}\\s*=\\s*"([^"]+)"`, "m").exec(source);
    if (!match) throw new Error(`${file}: no ${name} constant`);
    return match[1] as string;
  };
  const service = constant("SERVICE");
  const version = constant("APIVersion");
  if (!/^[a-z][a-z0-9]*$/.test(service) || !folder.startsWith(service)) {
    throw new Error(`${file}: SERVICE ${service} does not name folder ${folder}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw new Error(`${file}: APIVersion ${version} is not a date`);

  const functions = source.split(/\n(?=func )/);
  const actionOfRequest = new Map<string, string>();
  for (const fn of functions) {
    const head = /^func New\w+Request\(\) \(request \*(\w+)\)/.exec(fn);
    if (!head) continue;
    const init = /\bInitWithApiInfo\(SERVICE, APIVersion, "(\w+)"\)/.exec(fn);
    if (!init) throw new Error(`${file}: ${head[0]} calls no InitWithApiInfo(SERVICE, APIVersion, "…")`);
    if (actionOfRequest.has(head[1] as string)) throw new Error(`${file}: two constructors of ${head[1]}`);
    actionOfRequest.set(head[1] as string, init[1] as string);
  }
  const actions: { action: string; request: string; response: string }[] = [];
  const seen = new Set<string>();
  for (const fn of functions) {
    const method = /^func \(c \*Client\) \w+\(request \*(\w+)\) \(response \*(\w+), err error\)/.exec(fn);
    if (!method) continue;
    const action = actionOfRequest.get(method[1] as string);
    if (!action) throw new Error(`${file}: no NewXxxRequest() builds ${method[1]}`);
    if (seen.has(action)) throw new Error(`${file}: two client methods for action ${action}`);
    seen.add(action);
    actions.push({ action, request: method[1] as string, response: method[2] as string });
  }
  if (actions.length !== actionOfRequest.size) {
    throw new Error(
      `${file}: ${actionOfRequest.size} request constructors but ${actions.length} client methods`,
    );
  }
  return { folder, service, version, actions: actions.sort((a, b) => (a.action < b.action ? -1 : 1)) };
}

/**
 * The payload type of an action: the type of `XxxResponse.Response` (json "response"), pointer stripped;
 * undefined where the model has no such member (sdn ModifyPrivateConnectsAttributeResponse has only the
 * outer RequestId: the SDK reads nothing of `response`, so nothing of it is typed).
 */
function payloadType(struct: GoStruct, where: string): GoType | undefined {
  const embedsBase = struct.embedded.some(
    (e) =>
      e.kind === "pointer" &&
      e.elem.kind === "named" &&
      e.elem.package === "common" &&
      e.elem.name === "BaseResponse",
  );
  if (!embedsBase) throw new Error(`${where}: ${struct.name} does not embed *common.BaseResponse`);
  const field = struct.fields.find((f) => jsonNameOf(f)?.name === "response");
  if (!field) return undefined;
  const type = field.type.kind === "pointer" ? field.type.elem : field.type;
  if (!(type.kind === "struct" || (type.kind === "named" && type.package === undefined))) {
    throw new Error(`${where}: ${struct.name}.Response is ${goTypeText(field.type)}, not a struct`);
  }
  return type;
}

function serviceDocument(corpusDir: string, commit: string, folder: string): JsonSchema {
  const spec = zenlayerService(corpusDir, folder);
  const modelsFile = path.join(corpusDir, SDK, "zenlayercloud", folder, "models.go");
  const structs = parseGoStructs(readFileSync(modelsFile, "utf8"), modelsFile);
  const where = `${SDK} ${folder}`;
  const builder = new GoSchemaBuilder({
    where,
    structs,
    allowsNull: (type) => ["pointer", "slice", "map"].includes(type.kind),
    pointer: "allowed",
    descriptions: true,
  });
  const xActions: Record<string, string> = {};
  const xRequests: Record<string, JsonSchema> = {};
  const inline: Record<string, JsonSchema> = {};
  for (const { action, request, response } of spec.actions) {
    const requestStruct = structs.get(request);
    if (!requestStruct)
      throw new Error(`${where}: action ${action} takes ${request}, which models.go does not declare`);
    const parameters = goRequestParameters(
      requestStruct.fields,
      (field) => jsonNameOf(field)?.name,
      `${where}: ${request}`,
    );
    xRequests[action] = requestSchema(parameters, `${where}: ${request}`);
    const struct = structs.get(response);
    if (!struct)
      throw new Error(`${where}: action ${action} returns ${response}, which models.go does not declare`);
    const payload = payloadType(struct, where);
    if (payload?.kind === "named") {
      builder.reached.add(payload.name);
      xActions[action] = payload.name;
      continue;
    }
    // An inline `Response struct { RequestId string … }`: a definition named as the SDK names the others.
    const name = `${response}Params`;
    if (structs.has(name) || Object.hasOwn(inline, name)) {
      throw new Error(`${where}: ${response} has an inline Response, but ${name} is taken`);
    }
    inline[name] =
      payload === undefined
        ? {
            description: `${response} in models.go has no Response member: nothing of \`response\` is typed.`,
            type: "object",
            properties: {},
            additionalProperties: true,
          }
        : {
            description: `The inline struct of ${response}.Response in models.go.`,
            ...builder.objectSchema(payload.kind === "struct" ? payload.fields : [], `${response}.Response`),
          };
    xActions[action] = name;
  }
  const definitions = builder.definitions();
  for (const name of Object.keys(inline)) {
    if (Object.hasOwn(definitions, name)) throw new Error(`${where}: definition ${name} twice`);
  }
  const source = `corpus/${SDK}/zenlayercloud/${folder}`;
  const compactVersion = spec.version.replaceAll("-", "");
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: `zenlayer/actions/${spec.service}/${spec.version}.actions.json`,
    title: `Zenlayer${spec.service[0]?.toUpperCase()}${spec.service.slice(1)}${compactVersion}Actions`,
    description:
      `Zenlayer Cloud ${spec.service} ${spec.version}: the object inside \`response\` of every action ` +
      `(${spec.actions.length}). Generated by npm run gen:schemas from ${source}/models.go and client.go ` +
      "(the official Go SDK's models, scripts/schema-generation/zenlayer.ts). Do not edit: change the " +
      "generator and regenerate. Nothing is required (the models mark nothing required); null only where " +
      "the model can hold nil (pointers, slices, maps); types are exact; other members pass. See " +
      "docs/schemas.md, Generated action schemas (Alibaba and Zenlayer).",
    "x-generated": { generator: "scripts/schema-generation/zenlayer.ts", source, commit },
    "x-actions": sortedByKey(xActions),
    "x-requests": sortedByKey(xRequests),
    definitions: sortedByKey({ ...definitions, ...inline }),
  };
}

/** Every generated Zenlayer document, keyed by its path relative to schemas/. */
export function zenlayerActionSchemas(corpusDir: string): Map<string, object> {
  const commit = zenlayerCorpusCommit(corpusDir);
  const documents = new Map<string, object>();
  for (const folder of zenlayerServiceFolders(corpusDir)) {
    const document = serviceDocument(corpusDir, commit, folder);
    const id = document.$id as string;
    if (documents.has(id)) throw new Error(`${SDK}: two service folders make ${id}`);
    documents.set(id, document);
  }
  return documents;
}
