/**
 * Tencent Cloud API 3.0 action schemas, generated from the corpus's api.json files
 * (../shared/corpus/tencentcloud-cli/services/SVC/VERSION/api.json, read in place, never copied).
 *
 * One JSON Schema document per service version, keyed by its path relative to `schemas/`:
 * `tencent/actions/PRODUCT/YYYY-MM-DD.actions.json`. `x-actions` maps every action of the version to the
 * name of its output object; `definitions` holds those output objects and every object they reach. An
 * action's schema is `{ "$ref": "<$id>#/definitions/<Output>" }` and describes the Tencent payload, the
 * object INSIDE `Response` (RequestId included).
 *
 * Every mapping decision is written next to the code that makes it, with its evidence (counts are over the
 * corpus at the commit its README names: 156 service versions, 8,584 actions, 15,487 objects reached from
 * the outputs, 60,833 members in them besides the outputs' RequestId).
 */

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type ParameterType, type RequestParameter, requestSchema } from "./request-schemas.js";

/** Where the documents say they come from: this file, relative to the project root. */
export const TENCENT_GENERATOR = "scripts/schema-generation/tencent.ts";

/** The corpus's place in ../shared, as the documents name their source (a label, also for a fixture). */
const CORPUS_LABEL = "corpus/tencentcloud-cli";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = { [key: string]: Json };

/** One member of an api.json object (only the keys the generator reads). */
interface ApiMember {
  name: string;
  type: string;
  member: string;
  disabled?: boolean;
  output_required?: boolean;
  /** The input flag: the request must carry the member. */
  required?: boolean;
  value_allowed_null?: boolean;
  document?: string;
  example?: string;
}

interface ApiJson {
  metadata: { apiVersion?: string; serviceShortName?: string };
  actions: Record<string, { input: string; output: string }>;
  objects: Record<string, { members: ApiMember[] }>;
}

/**
 * Primitive `type`s of a member and the `member` names each allows. Every (type, member) pair of the
 * corpus: string/string 61,603, int/int64 13,740, int/uint64 10,852, bool/bool 2,949, float/float 1,309,
 * string/datetime 537, string/datetime_iso 514, string/date 87. Any other pair fails the generation.
 *
 * - int → integer. int64 and uint64 alike (int32/uint32 are accepted too, though none occurs
 *   here). Numbers stay strictly numbers: the official Go SDK unmarshals into typed *int64/*uint64 fields
 *   and fails on `"2"`, so a number sent as a string is a defect, not a variant. Values beyond 2^53 (uint64
 *   ids) lose precision in JSON.parse but stay integers to ajv (every double beyond 2^53 is integral), so
 *   the schema neither rejects nor can check them digit by digit.
 * - uint64 → also `minimum: 0`: the Go SDK's *uint64 field rejects a negative number
 *   ("cannot unmarshal number -1 into Go struct field … of type uint64").
 * - float → number (the Go SDK's *float64; an integral value is a valid float).
 * - string → string, and so are date, datetime and datetime_iso: no `format`, because the documented
 *   values are not RFC 3339 (`2020-09-22 00:00:00`, `yyyy-mm-dd hh:mm:ss`) and ajv would need ajv-formats.
 * - bool → boolean.
 */
const PRIMITIVE_MEMBERS: Record<string, Record<string, JsonSchema>> = {
  int: {
    int64: { type: "integer" },
    uint64: { type: "integer", minimum: 0 },
    int32: { type: "integer" },
    uint32: { type: "integer", minimum: 0 },
  },
  float: { float: { type: "number" } },
  string: {
    string: { type: "string" },
    date: { type: "string" },
    datetime: { type: "string" },
    datetime_iso: { type: "string" },
  },
  bool: { bool: { type: "boolean" } },
};

/**
 * The `member` of a `list` is a primitive name (string 4,568, int64 516, uint64 308, float 55, bool 2) or
 * an object name (7,942): the items' schema. The `member` of an `object` (6,306) is always an object name.
 * No list of lists occurs; a `member` that is neither a known primitive nor an object of the same api.json
 * fails the generation.
 */
const LIST_ITEM_PRIMITIVES: Record<string, JsonSchema> = {
  string: { type: "string" },
  date: { type: "string" },
  datetime: { type: "string" },
  datetime_iso: { type: "string" },
  int64: { type: "integer" },
  int32: { type: "integer" },
  uint64: { type: "integer", minimum: 0 },
  uint32: { type: "integer", minimum: 0 },
  float: { type: "number" },
  bool: { type: "boolean" },
};

/**
 * When a member admits null.
 * - `value_allowed_null: true` → null is admitted (13,207 of the 60,833 members).
 * - `value_allowed_null: false` → not, UNLESS the member's own document says it may be null: 2,782
 *   members carry `false` beside the documented note "Note: This field may return null, indicating that
 *   no valid values can be obtained." (9,357 carry the note with `true`). Flag and text disagree; the text
 *   is what a reader of the reference sees, and a null there is documented behaviour, so the generator
 *   admits null when either says so (15,989 members in all).
 * - key absent (RequestId in all 8,584 output objects, and 13 other members: batch LoginSettings (3),
 *   cvm RegionInfo (3), vpc CustomerGatewayVendor (3) and 4 vpc outputs) → as `false`: nothing documents
 *   a null there.
 * The note is written with and without backticks ("may return `null`"), and some members say when they
 * are null instead ("this parameter is `null` for postpaid instances": cvm Instance.ExpiredTime, with
 * `value_allowed_null: false`); both count as the document saying so.
 */
const DOCUMENTED_NULL =
  /\b(?:may|might|can|could) (?:return|be) `?null\b|\b(?:is|are|returns?) `?null`? (?:for|when|if|in)\b/i;

function admitsNull(member: ApiMember): boolean {
  return member.value_allowed_null === true || DOCUMENTED_NULL.test(member.document ?? "");
}

/** A schema that also admits null: a type list for primitives and arrays, anyOf beside a `$ref`. */
function orNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === "string") return { anyOf: [schema, { type: "null" }] };
  const { type, ...rest } = schema;
  return { type: [type as string, "null"], ...rest };
}

/** The place of a member in the error message of a failed generation. */
function where(source: string, objectName: string, member: ApiMember): string {
  return `${source}: objects.${objectName}.members[${JSON.stringify(member.name)}]`;
}

/** The schema of one member's value, and the object names it refers to. */
function memberSchema(
  api: ApiJson,
  source: string,
  objectName: string,
  member: ApiMember,
  refs: Set<string>,
): JsonSchema {
  const objectRef = (name: string): JsonSchema | undefined => {
    if (!Object.hasOwn(api.objects, name)) return undefined;
    refs.add(name);
    return { $ref: `#/definitions/${name}` };
  };
  let schema: JsonSchema | undefined;
  if (member.type === "list") {
    const items = Object.hasOwn(LIST_ITEM_PRIMITIVES, member.member)
      ? LIST_ITEM_PRIMITIVES[member.member]
      : objectRef(member.member);
    if (items) schema = { type: "array", items };
  } else if (member.type === "object") {
    schema = objectRef(member.member);
  } else if (Object.hasOwn(PRIMITIVE_MEMBERS, member.type)) {
    const byMember = PRIMITIVE_MEMBERS[member.type] ?? {};
    schema = Object.hasOwn(byMember, member.member) ? byMember[member.member] : undefined;
  }
  if (!schema) {
    throw new Error(
      `${where(source, objectName, member)}: unknown type ${JSON.stringify(member.type)} with member ${JSON.stringify(member.member)}`,
    );
  }
  return admitsNull(member) ? orNull(schema) : { ...schema };
}

/** Sorted by code point (not locale), so the output does not depend on the machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The schema of one object of api.json.
 * - `disabled: true` members (226 in objects reached from outputs, e.g. apigateway `RelationBuniessApiIds`,
 *   billing `SplitItemId`) are left out: the reference hides them, so they are neither typed nor required
 *   (some carry `output_required: true`, autoscaling Activity.ActivityRelatedInstanceSet). Sent anyway,
 *   they pass as extra members.
 * - `required` = members with `output_required: true` (35,468 members). Only that flag counts: `required`
 *   is the input flag (it is what request objects carry; where a member has both they differ 4,702 times
 *   in 11,889). 2,948 objects reached from outputs (11,303 members; ams, cvm RegionInfo, teo, monitor, …)
 *   have no `output_required` at all, only `required`: they require nothing (outputs: only RequestId).
 * - RequestId of an output object: a required string. api.json gives it no flags at all (8,584 times);
 *   the envelope documents (seeds 001, 003) return it with every processed request. Its shape and
 *   emptiness are the request-id rules' business, not the schema's.
 * - `additionalProperties: true`: providers add members; the unknown-member rule reports them.
 * - Property names and `required` are sorted: member order carries no meaning in a JSON object.
 * - No `enum`, anywhere. api.json has no allowed-values key: a member's keys are only name, type, member,
 *   document, example, disabled, required, output_required and value_allowed_null. Allowed values appear
 *   only in prose ("Valid values:<br><li>PENDING: Creating.<br></li>…"), in many layouts, and the lists
 *   are not closed (a new instance state is not an envelope defect: docs/schemas.md, CVM InstanceState).
 * - No `description`s: size (the 156 documents are checked in); the reference is one click away.
 */
function objectSchema(
  api: ApiJson,
  source: string,
  objectName: string,
  isOutput: boolean,
  refs: Set<string>,
): JsonSchema {
  const object = api.objects[objectName];
  if (!object || !Array.isArray(object.members)) {
    throw new Error(`${source}: objects.${objectName} is missing or has no members`);
  }
  const properties: [string, JsonSchema][] = [];
  const required: string[] = [];
  for (const member of object.members) {
    if (member.disabled === true) continue;
    if (isOutput && member.name === "RequestId") {
      if (member.type !== "string") {
        throw new Error(`${where(source, objectName, member)}: RequestId of type ${member.type}`);
      }
      properties.push([member.name, { type: "string" }]);
      required.push(member.name);
      continue;
    }
    properties.push([member.name, memberSchema(api, source, objectName, member, refs)]);
    if (member.output_required === true) required.push(member.name);
  }
  properties.sort(([a], [b]) => byCodePoint(a, b));
  required.sort(byCodePoint);
  const schema: JsonSchema = { type: "object", properties: Object.fromEntries(properties) };
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = true;
  return schema;
}

/** Parameter types of input members: the primitive types map as in outputs, lists and objects as such. */
const PARAMETER_TYPES: Record<string, ParameterType> = {
  int: "integer",
  float: "number",
  string: "string",
  bool: "boolean",
  list: "array",
  object: "object",
};

/**
 * The request parameters of an action: the members of its input object (36,573 in the corpus; the 140
 * `disabled` ones left out, as in outputs), `required` as the input flag says (15,015), with the documented
 * `example` (scripts/schema-generation/request-schemas.ts).
 */
function requestParameters(api: ApiJson, source: string, action: string, input: string): RequestParameter[] {
  const object = api.objects[input];
  if (!object || !Array.isArray(object.members)) {
    throw new Error(`${source}: actions.${action}.input names no object`);
  }
  return object.members
    .filter((member) => member.disabled !== true)
    .map((member) => {
      const type = PARAMETER_TYPES[member.type];
      if (!type) {
        throw new Error(`${where(source, input, member)}: unknown input type ${JSON.stringify(member.type)}`);
      }
      return {
        name: member.name,
        type,
        required: member.required === true,
        ...(member.example !== undefined ? { example: member.example } : {}),
      };
    });
}

/** `v20170312` → `2017-03-12`; anything else fails. */
function versionDate(version: string, source: string): string {
  const match = /^v(\d{4})(\d{2})(\d{2})$/.exec(version);
  if (!match) throw new Error(`${source}: version folder ${JSON.stringify(version)} is not vYYYYMMDD`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** The commit the corpus README names (the one place it is written). */
export function tencentCorpusCommit(corpusDir: string): string {
  const readme = path.join(corpusDir, "README.md");
  const match = /\bcommit\s+([0-9a-f]{40})\b/.exec(readFileSync(readme, "utf8"));
  if (!match?.[1]) throw new Error(`${readme}: names no commit (40 hex digits after "commit")`);
  return match[1];
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The document of one service version. */
function actionDocument(
  api: ApiJson,
  product: string,
  date: string,
  source: string,
  commit: string,
): { id: string; document: JsonSchema } {
  const id = `tencent/actions/${product}/${date}.actions.json`;
  const actions: [string, string][] = [];
  const requests: [string, Record<string, unknown>][] = [];
  const outputs = new Set<string>();
  // Every action, the 35 with `status: "deprecated"` included: a deprecated action still answers.
  for (const [action, spec] of Object.entries(api.actions)) {
    if (typeof spec?.output !== "string" || !Object.hasOwn(api.objects, spec.output)) {
      throw new Error(`${source}: actions.${action}.output names no object`);
    }
    actions.push([action, spec.output]);
    outputs.add(spec.output);
    const parameters = requestParameters(api, source, action, spec.input);
    requests.push([action, requestSchema(parameters, `${source}: actions.${action}`)]);
  }
  actions.sort(([a], [b]) => byCodePoint(a, b));
  requests.sort(([a], [b]) => byCodePoint(a, b));

  // Output objects and every object they reach through members that are not disabled (input-only objects
  // stay out). An object reached both as an output and nested is an output: its RequestId is the payload's.
  const definitions = new Map<string, JsonSchema>();
  const pending = [...outputs];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (definitions.has(name)) continue;
    const refs = new Set<string>();
    definitions.set(name, objectSchema(api, source, name, outputs.has(name), refs));
    for (const ref of refs) if (!definitions.has(ref)) pending.push(ref);
  }
  const sortedDefinitions = [...definitions].sort(([a], [b]) => byCodePoint(a, b));

  const document: JsonSchema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: id,
    title: `Tencent${pascal(product)}${date.replaceAll("-", "")}Actions`,
    description:
      `Response payloads (the object inside Response) of the ${actions.length} actions of Tencent Cloud ` +
      `${product} ${date}, and their request parameters (x-requests). Generated by npm run gen:schemas from ${source}. Do not edit: change ` +
      `${TENCENT_GENERATOR} or the corpus and regenerate.`,
    "x-generated": { generator: TENCENT_GENERATOR, source, commit },
    "x-actions": Object.fromEntries(actions),
    "x-requests": Object.fromEntries(requests) as JsonSchema,
    definitions: Object.fromEntries(sortedDefinitions),
  };
  return { id, document };
}

/**
 * Every `services/SVC/VERSION/api.json` under `corpusDir` as one schema document per service version,
 * keyed by its path relative to `schemas/`, in sorted order.
 *
 * PRODUCT is `metadata.serviceShortName`, the host's first label that detection reads. It equals the
 * folder name everywhere but one: `services/autoscaling/` describes `as` (as.tencentcloudapi.com, the
 * Host of all 83 of its examples). A version folder that disagrees with `metadata.apiVersion` fails.
 */
export function tencentActionSchemas(corpusDir: string): Map<string, object> {
  const commit = tencentCorpusCommit(corpusDir);
  const servicesDir = path.join(corpusDir, "services");
  const documents = new Map<string, object>();
  const services = readdirSync(servicesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(byCodePoint);
  for (const service of services) {
    const versions = readdirSync(path.join(servicesDir, service), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(byCodePoint);
    for (const version of versions) {
      const file = path.join(servicesDir, service, version, "api.json");
      const source = `${CORPUS_LABEL}/services/${service}/${version}/api.json`;
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      const api = JSON.parse(text) as ApiJson;
      const date = versionDate(version, source);
      if (api.metadata?.apiVersion !== undefined && api.metadata.apiVersion !== date) {
        throw new Error(`${source}: metadata.apiVersion ${api.metadata.apiVersion} is not ${date}`);
      }
      const product = api.metadata?.serviceShortName ?? service;
      const { id, document } = actionDocument(api, product, date, source, commit);
      if (documents.has(id)) throw new Error(`${source}: a second document for ${id}`);
      documents.set(id, document);
    }
  }
  return new Map([...documents].sort(([a], [b]) => byCodePoint(a, b)));
}
