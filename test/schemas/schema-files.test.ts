// Every JSON Schema under schemas/ follows the project's conventions (draft-07, $id = path, unique PascalCase
// title, description, x-source), compiles with ajv, and the documents' own examples validate against the
// envelope and action schemas while bodies that break a documented requirement do not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import { compile as compileToTypeScript } from "json-schema-to-typescript";

const schemasDir = new URL("../../schemas/", import.meta.url);
const sharedDir = new URL("../../../shared/", import.meta.url);

// Written by other parts of the project: held to the common conventions, not to this part's x-source checks.
const OTHERS = new Set(["report.schema.json", "ndjson-exchange.schema.json", "config.schema.json"]);

interface SourceRef {
  document: string;
  section: string;
  quote: string;
}

type JsonObject = Record<string, unknown>;

function schemaFiles(dir: URL, prefix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) out.push(...schemaFiles(new URL(`${name}/`, dir), `${prefix}${name}/`));
    else if (name.endsWith(".schema.json")) out.push(`${prefix}${name}`);
  }
  return out;
}

function readShared(path: string): string {
  return readFileSync(new URL(path, sharedDir), "utf8");
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every string-valued `title` anywhere in a schema (nested definitions generate named types too). */
function titlesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) titlesIn(item, out);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "title" && typeof value === "string") out.push(value);
      else if (key !== "x-source") titlesIn(value, out);
    }
  }
  return out;
}

const files = schemaFiles(schemasDir);
const schemas = new Map<string, JsonObject>(
  files.map((file) => [file, JSON.parse(readFileSync(new URL(file, schemasDir), "utf8")) as JsonObject]),
);

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addKeyword({ keyword: "x-source" });
for (const schema of schemas.values()) ajv.addSchema(schema);

function validator(id: string): ValidateFunction {
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema with $id ${id}`);
  return validate;
}

function expectValid(id: string, body: unknown): void {
  const validate = validator(id);
  const ok = validate(body);
  expect(ok, `${id}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`).to.equal(true);
}

function expectInvalid(id: string, body: unknown): void {
  expect(validator(id)(body), `${id} must reject ${JSON.stringify(body)}`).to.equal(false);
}

describe("schema files (schemas/**/*.schema.json)", () => {
  it("includes the envelope, action and code-table schemas", () => {
    for (const file of [
      "code-table.schema.json",
      "tencent/envelope-success.schema.json",
      "tencent/envelope-error.schema.json",
      "alibaba/envelope-success.schema.json",
      "alibaba/envelope-error.schema.json",
      "alibaba/envelope-success.xml.schema.json",
      "alibaba/envelope-error.xml.schema.json",
      "alibaba/kms/envelope-error.schema.json",
      "alibaba/kms/envelope-error.xml.schema.json",
      "zenlayer/envelope-success.schema.json",
      "zenlayer/envelope-error.schema.json",
      "tencent/actions/cvm/DescribeInstancesStatus.schema.json",
      "alibaba/actions/kms/Encrypt.schema.json",
      "alibaba/actions/kms/DescribeRegions.schema.json",
      "alibaba/actions/ess/DescribeScalingGroups.schema.json",
      "alibaba/actions/ess/CreateScalingGroup.schema.json",
      "alibaba/actions/ess/DeleteScalingGroup.schema.json",
      "zenlayer/actions/bmc/CreateInstances.schema.json",
      "zenlayer/actions/bmc/DescribeInstances.schema.json",
    ]) {
      expect(files, file).to.include(file);
    }
  });

  it("gives every schema, and every nested definition, a title no other schema uses", () => {
    const seen = new Map<string, string>();
    for (const [file, schema] of schemas) {
      for (const title of titlesIn(schema)) {
        expect(seen.get(title), `title ${title} in ${file}`).to.equal(undefined);
        seen.set(title, file);
      }
    }
  });

  for (const [file, schema] of schemas) {
    describe(file, () => {
      it("is draft-07 with $id equal to its path under schemas/", () => {
        expect(schema.$schema).to.equal("http://json-schema.org/draft-07/schema#");
        expect(schema.$id).to.equal(file);
      });

      it("has a PascalCase title, a description and an x-source", () => {
        expect(schema.title)
          .to.be.a("string")
          .and.match(/^[A-Z][A-Za-z0-9]*$/);
        expect(schema.description).to.be.a("string").and.not.equal("");
        expect(schema["x-source"], "x-source (the document and sentence the schema enforces)").to.not.equal(
          undefined,
        );
        const sources = [schema["x-source"]].flat() as SourceRef[];
        expect(sources.length, "x-source").to.be.greaterThan(0);
        for (const source of sources) {
          expect(source, "x-source entry").to.be.an("object");
          for (const key of ["document", "section", "quote"] as const) {
            expect(source[key], `x-source ${key}`).to.be.a("string").and.not.equal("");
          }
        }
      });

      it("compiles with ajv", () => {
        const lenientAjv = new Ajv({ allErrors: true, strict: false });
        lenientAjv.addKeyword({ keyword: "x-source" });
        expect(() => lenientAjv.compile(schema)).not.to.throw();
      });

      if (OTHERS.has(file)) return;

      it("compiles in ajv's strict mode (no unknown or misspelt keywords)", () => {
        // strictRequired off: `not: {required: [...]}` (a member that must be absent) is intended.
        const strictAjv = new Ajv({
          allErrors: true,
          strict: true,
          strictTypes: false,
          strictRequired: false,
        });
        strictAjv.addKeyword({ keyword: "x-source" });
        expect(() => strictAjv.compile(schema)).not.to.throw();
      });

      it("quotes documents in ../shared word for word", () => {
        for (const source of [schema["x-source"]].flat() as SourceRef[]) {
          const path = source.document.split(" §")[0] ?? "";
          if (/^(seeds|reference|corpus)\/|^DESIGN\.md$/.test(path)) {
            expect(existsSync(new URL(path, sharedDir)), `${path} exists`).to.equal(true);
            expect(collapse(readShared(path)), `${source.document}: "${source.quote}"`).to.include(
              collapse(source.quote),
            );
          } else {
            // Public provider documentation outside ../shared: named, with the section it comes from.
            expect(source.document).to.match(/^(Alibaba Cloud|Zenlayer Cloud|Tencent Cloud) /);
          }
        }
      });

      it(`generates "export interface ${String(schema.title)}" with json-schema-to-typescript`, async () => {
        const ts = await compileToTypeScript(structuredClone(schema), String(schema.title), {
          bannerComment: "",
          format: false,
        });
        expect(ts).to.include(`export interface ${String(schema.title)} {`);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// The documents' own examples

const SEED_ZENLAYER = "seeds/000_cb41bbe9a103a19e.txt";
const SEED_TENCENT_A = "seeds/001_24c71a7bf7ab4a40.txt";
const SEED_KMS = "seeds/002_34ba6698e324b33c.txt";
const SEED_TENCENT_B = "seeds/003_a0227fc7fe36601c.txt";
const SEED_ESS = "seeds/004_57eaa02211ab66b6.txt";

/** The 4-space-indented JSON blocks of seeds 001 and 003. */
function indentedJsonBlocks(text: string): JsonObject[] {
  return [...text.matchAll(/^ {4}\{\n[\s\S]*?^ {4}\}$/gm)].map((m) => JSON.parse(m[0]) as JsonObject);
}

/** The ``` fenced blocks of a seed (seeds 000 and 002). */
function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");
}

/** The lines after each "JSON format:" / "XML format:" heading of seed 004, up to the next blank line. */
function seed004Blocks(heading: string): string[] {
  const lines = readShared(SEED_ESS).split("\n");
  const blocks: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== heading) return;
    let j = i + 1;
    while (lines[j]?.trim() === "") j++;
    const block: string[] = [];
    while (j < lines.length && lines[j]?.trim() !== "") block.push(lines[j++] ?? "");
    blocks.push(block.join("\n"));
  });
  return blocks;
}

const stripCComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "");
/** Seed 004's XML examples: drop the malformed declaration `<? xml … ? >` and comments `<! -- … >`. */
const stripMalformedXml = (text: string) =>
  text.replace(/<\?[\s\S]*?\?\s*>/g, "").replace(/<!\s*--[\s\S]*?>/g, "");

/** The normalisation the XML schemas assume: root removed, leaves as trimmed strings, attributes dropped. */
function normaliseXml(xml: string): { root: string; body: JsonObject } {
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
  const parsed = parser.parse(xml) as JsonObject;
  const roots = Object.keys(parsed).filter((key) => key !== "?xml");
  expect(roots, "one root element").to.have.length(1);
  const root = roots[0] ?? "";
  return { root, body: parsed[root] as JsonObject };
}

describe("the documents' examples against the schemas", () => {
  describe("Tencent (seeds 001 and 003)", () => {
    for (const seed of [SEED_TENCENT_A, SEED_TENCENT_B]) {
      const [success, error] = indentedJsonBlocks(readShared(seed));

      it(`${seed}: the success example is a TencentSuccessEnvelope and a CvmDescribeInstancesStatusResponse`, () => {
        expectValid("tencent/envelope-success.schema.json", success);
        expectValid("tencent/actions/cvm/DescribeInstancesStatus.schema.json", success?.Response);
        expectInvalid("tencent/envelope-error.schema.json", success);
      });

      it(`${seed}: the error example is a TencentErrorEnvelope and not a success`, () => {
        expect(error).to.have.nested.property("Response.Error.Code", "AuthFailure.SignatureFailure");
        expectValid("tencent/envelope-error.schema.json", error);
        expectInvalid("tencent/envelope-success.schema.json", error);
      });
    }

    it("the corpus's DescribeInstancesStatus examples match the envelope and the action schema", () => {
      const examples = JSON.parse(
        readShared("corpus/tencentcloud-cli/services/cvm/v20170312/examples.json"),
      ) as {
        actions: Record<string, Array<{ output: string }>>;
      };
      const outputs = examples.actions.DescribeInstancesStatus ?? [];
      expect(outputs.length).to.be.greaterThan(0);
      for (const { output } of outputs) {
        const body = JSON.parse(output) as JsonObject;
        expectValid("tencent/envelope-success.schema.json", body);
        expectValid("tencent/actions/cvm/DescribeInstancesStatus.schema.json", body.Response);
      }
    });
  });

  describe("Zenlayer (seed 000)", () => {
    const bodies = fencedBlocks(readShared(SEED_ZENLAYER)).map((block) => JSON.parse(block) as JsonObject);
    const success = bodies.find((body) => "response" in body);
    const error = bodies.find((body) => "code" in body);

    it("the success example is a ZenlayerSuccessEnvelope with a BmcCreateInstancesResponse inside", () => {
      expectValid("zenlayer/envelope-success.schema.json", success);
      expectValid("zenlayer/actions/bmc/CreateInstances.schema.json", success?.response);
      expectInvalid("zenlayer/envelope-error.schema.json", success);
    });

    it("the error example is a ZenlayerErrorEnvelope and not a success", () => {
      expect(error).to.have.property("code", "INVALID_ZONE_NOT_FOUND");
      expectValid("zenlayer/envelope-error.schema.json", error);
      expectInvalid("zenlayer/envelope-success.schema.json", error);
    });
  });

  describe("Alibaba KMS (seed 002)", () => {
    const blocks = fencedBlocks(readShared(SEED_KMS));
    const xmlError = blocks.find((block) => block.includes("<KMS>")) ?? "";
    const jsonError = blocks.find((block) => block.includes('"HttpStatus": 400')) ?? "";
    const jsonSuccess = blocks.find((block) => block.includes("Return Result Data */")) ?? "";

    it("the XML error example, normalised, is a KmsXmlErrorEnvelope (and not a generic Alibaba one: no HostId)", () => {
      const { root, body } = normaliseXml(xmlError);
      expect(root).to.equal("KMS");
      expect(body).to.deep.include({ HttpStatus: "400", Code: "IllegalTimestamp" });
      expect(body.RequestId).to.equal("3b237773-bc2c-4bea-95fc-319a1a5baa68");
      expectValid("alibaba/kms/envelope-error.xml.schema.json", body);
      expectInvalid("alibaba/envelope-error.xml.schema.json", body);
    });

    it("the JSON error example is not JSON; repaired, it is a KmsErrorEnvelope", () => {
      expect(() => JSON.parse(jsonError)).to.throw();
      const repaired: JsonObject = {};
      for (const line of jsonError.split("\n")) {
        const m = /^"(\w+)": (.*)$/.exec(line.trim());
        if (!m) continue;
        const raw = m[2] ?? "";
        repaired[m[1] ?? ""] = /^\d+$/.test(raw) ? Number(raw) : raw.replace(/^"/, "").replace(/"$/, "");
      }
      expect(repaired).to.include({ HttpStatus: 400, Code: "IllegalTimestamp" });
      expectValid("alibaba/kms/envelope-error.schema.json", repaired);
      expectInvalid("alibaba/kms/envelope-error.schema.json", { ...repaired, HttpStatus: "400" });
    });

    it("the JSON success example, comment removed, is an AlibabaSuccessEnvelope", () => {
      const body = JSON.parse(stripCComments(jsonSuccess).replace(/,\s*}/, "}")) as JsonObject;
      expectValid("alibaba/envelope-success.schema.json", body);
      expectInvalid("alibaba/kms/envelope-error.schema.json", body);
    });
  });

  describe("Alibaba Auto Scaling (seed 004)", () => {
    const [jsonSuccess, jsonError] = seed004Blocks("JSON format:").map(
      (block) => JSON.parse(`{${stripCComments(block)}}`) as JsonObject,
    );
    const [xmlSuccess, xmlError] = seed004Blocks("XML format:").map(stripMalformedXml);

    it("the JSON success example, braces restored, is an AlibabaSuccessEnvelope", () => {
      expectValid("alibaba/envelope-success.schema.json", jsonSuccess);
      expectInvalid("alibaba/envelope-error.schema.json", jsonSuccess);
    });

    it('the JSON error example, braces restored, is an AlibabaErrorEnvelope with HostId ""', () => {
      expect(jsonError).to.include({ HostId: "", Code: "InternalError" });
      expectValid("alibaba/envelope-error.schema.json", jsonError);
      // Its Code is one that pop-core reads as a failure, so it cannot pass as a success either.
      expectInvalid("alibaba/envelope-success.schema.json", jsonError);
    });

    it("the XML success example, repaired and normalised, is an AlibabaXmlSuccessEnvelope", () => {
      const { root, body } = normaliseXml(`${xmlSuccess}\n</ActionResponse>`);
      expect(root).to.equal("ActionResponse");
      expectValid("alibaba/envelope-success.xml.schema.json", body);
    });

    it("the XML error example, root restored and normalised, is an AlibabaXmlErrorEnvelope", () => {
      const { body } = normaliseXml(`<Error>${xmlError}</Error>`);
      expect(body).to.include({ HostId: "", Code: "InternalError" });
      expectValid("alibaba/envelope-error.xml.schema.json", body);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Bodies that must pass and bodies that must fail, per schema

const TC_ID = "b5b41468-520d-4192-b42f-595cc34b6c1c";
const ALI_ID = "4C467B38-3910-447D-87BC-AC049166F216";
const ZL_ID = "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC";

interface Case {
  name: string;
  body: unknown;
}

const cases: Record<string, { valid: Case[]; invalid: Case[] }> = {
  "tencent/envelope-success.schema.json": {
    valid: [
      {
        name: "a success with its own Code/Message in a member",
        body: { Response: { RequestId: TC_ID, Success: { Code: "Success", Message: "Success" } } },
      },
      {
        name: "a success with a Message field",
        body: { Response: { Message: "Already authorized", RequestId: TC_ID } },
      },
    ],
    invalid: [
      {
        name: "a success carrying Error",
        body: { Response: { RequestId: TC_ID, Error: { Code: "InternalError", Message: "x" } } },
      },
      { name: "no RequestId", body: { Response: { TotalCount: 0 } } },
      { name: "a RequestId that is a number", body: { Response: { RequestId: 1 } } },
      { name: "the legacy API 2.0 shape", body: { code: 0, message: "", codeDesc: "Success" } },
    ],
  },
  "tencent/envelope-error.schema.json": {
    valid: [
      {
        name: "a product code",
        body: {
          Response: { Error: { Code: "ResourceNotFound.TopicNotExist", Message: "m" }, RequestId: TC_ID },
        },
      },
    ],
    invalid: [
      {
        name: "an error without Message",
        body: { Response: { Error: { Code: "InternalError" }, RequestId: TC_ID } },
      },
      { name: "an empty Code", body: { Response: { Error: { Code: "", Message: "m" }, RequestId: TC_ID } } },
      {
        name: "a numeric Code",
        body: { Response: { Error: { Code: 4000, Message: "m" }, RequestId: TC_ID } },
      },
      { name: "no RequestId", body: { Response: { Error: { Code: "InternalError", Message: "m" } } } },
      {
        name: "Error outside Response",
        body: { Error: { Code: "InternalError", Message: "m" }, Response: { RequestId: TC_ID } },
      },
    ],
  },
  "alibaba/envelope-success.schema.json": {
    valid: [{ name: "a Code that pop-core reads as success", body: { RequestId: ALI_ID, Code: "Success" } }],
    invalid: [
      { name: "no RequestId", body: { ScalingGroupId: "asg-1" } },
      { name: "a Code that pop-core reads as an error", body: { RequestId: ALI_ID, Code: "Forbidden" } },
    ],
  },
  "alibaba/envelope-error.schema.json": {
    valid: [
      {
        name: "with Recommend",
        body: {
          RequestId: ALI_ID,
          HostId: "ess.aliyuncs.com",
          Code: "Throttling",
          Message: "m",
          Recommend: "https://x",
        },
      },
    ],
    invalid: [
      { name: "no HostId", body: { RequestId: ALI_ID, Code: "Throttling", Message: "m" } },
      { name: "an empty Code", body: { RequestId: ALI_ID, HostId: "", Code: "", Message: "m" } },
      { name: "no Message", body: { RequestId: ALI_ID, HostId: "", Code: "Throttling" } },
    ],
  },
  "alibaba/kms/envelope-error.schema.json": {
    valid: [
      {
        name: "with HostId and without HttpStatus",
        body: { RequestId: "r", HostId: "kms.aliyuncs.com", Code: "Forbidden.KeyNotFound", Message: "m" },
      },
    ],
    invalid: [
      {
        name: "HttpStatus as a string in JSON",
        body: { RequestId: "r", Code: "X", Message: "m", HttpStatus: "400" },
      },
      { name: "HttpStatus out of range", body: { RequestId: "r", Code: "X", Message: "m", HttpStatus: 99 } },
      { name: "no Code", body: { RequestId: "r", Message: "m", HttpStatus: 400 } },
    ],
  },
  "alibaba/kms/envelope-error.xml.schema.json": {
    valid: [{ name: "without HttpStatus", body: { RequestId: "r", Code: "X", Message: "m" } }],
    invalid: [
      {
        name: "HttpStatus of two digits",
        body: { RequestId: "r", Code: "X", Message: "m", HttpStatus: "40" },
      },
      {
        name: "HttpStatus as a number (not normalised XML)",
        body: { RequestId: "r", Code: "X", Message: "m", HttpStatus: 400 },
      },
    ],
  },
  "alibaba/envelope-success.xml.schema.json": {
    valid: [
      {
        name: "nested elements and a repeated element",
        body: {
          RequestId: ALI_ID,
          Regions: { Region: [{ RegionId: "cn-hangzhou" }, { RegionId: "cn-shanghai" }] },
        },
      },
    ],
    invalid: [
      { name: "a number (XML has none)", body: { RequestId: ALI_ID, TotalCount: 3 } },
      { name: "a nested boolean", body: { RequestId: ALI_ID, Group: { Enabled: true } } },
    ],
  },
  "alibaba/envelope-error.xml.schema.json": {
    valid: [
      { name: "an empty HostId", body: { RequestId: ALI_ID, HostId: "", Code: "Throttling", Message: "m" } },
    ],
    invalid: [{ name: "no HostId", body: { RequestId: ALI_ID, Code: "Throttling", Message: "m" } }],
  },
  "zenlayer/envelope-success.schema.json": {
    valid: [{ name: "an action without fields", body: { requestId: ZL_ID, response: { requestId: ZL_ID } } }],
    invalid: [
      { name: "a top-level code", body: { requestId: ZL_ID, code: "X", response: { requestId: ZL_ID } } },
      { name: "no inner requestId", body: { requestId: ZL_ID, response: {} } },
      { name: "no response", body: { requestId: ZL_ID } },
    ],
  },
  "zenlayer/envelope-error.schema.json": {
    valid: [
      {
        name: "a rate-limit error",
        body: { requestId: ZL_ID, code: "REQUEST_LIMIT_EXCEEDED", message: "m" },
      },
    ],
    invalid: [
      {
        name: "an error carrying response",
        body: {
          requestId: ZL_ID,
          code: "INVALID_ZONE_NOT_FOUND",
          message: "m",
          response: { requestId: ZL_ID },
        },
      },
      { name: "an empty message", body: { requestId: ZL_ID, code: "X", message: "" } },
      { name: "no requestId", body: { code: "X", message: "m" } },
    ],
  },
  "tencent/actions/cvm/DescribeInstancesStatus.schema.json": {
    valid: [
      {
        name: "two instances",
        body: {
          TotalCount: 2,
          InstanceStatusSet: [
            { InstanceId: "ins-1", InstanceState: "RUNNING" },
            { InstanceId: "ins-2", InstanceState: "STOPPED" },
          ],
          RequestId: TC_ID,
        },
      },
    ],
    invalid: [
      { name: "TotalCount as a string", body: { TotalCount: "0", InstanceStatusSet: [], RequestId: TC_ID } },
      { name: "no InstanceStatusSet", body: { TotalCount: 0, RequestId: TC_ID } },
      {
        name: "an instance without InstanceState",
        body: { TotalCount: 1, InstanceStatusSet: [{ InstanceId: "ins-1" }], RequestId: TC_ID },
      },
    ],
  },
  "alibaba/actions/kms/Encrypt.schema.json": {
    valid: [
      {
        name: "the four members",
        body: { CiphertextBlob: "ODZhOWVm", KeyId: "key-1", KeyVersionId: "v-1", RequestId: "r" },
      },
    ],
    invalid: [
      { name: "no KeyVersionId", body: { CiphertextBlob: "ODZhOWVm", KeyId: "key-1", RequestId: "r" } },
    ],
  },
  "alibaba/actions/kms/DescribeRegions.schema.json": {
    valid: [
      { name: "one region", body: { RequestId: "r", Regions: { Region: [{ RegionId: "cn-hangzhou" }] } } },
    ],
    invalid: [
      { name: "Region not wrapped", body: { RequestId: "r", Regions: [{ RegionId: "cn-hangzhou" }] } },
      { name: "a region without RegionId", body: { RequestId: "r", Regions: { Region: [{}] } } },
    ],
  },
  "alibaba/actions/ess/DescribeScalingGroups.schema.json": {
    valid: [
      {
        name: "one group",
        body: {
          RequestId: ALI_ID,
          TotalCount: 1,
          PageNumber: 1,
          PageSize: 10,
          ScalingGroups: {
            ScalingGroup: [
              {
                ScalingGroupId: "asg-1",
                ScalingGroupName: "g",
                RegionId: "cn-qingdao",
                LifecycleState: "Active",
                MinSize: 0,
                MaxSize: 5,
                RemovalPolicies: { RemovalPolicy: ["OldestScalingConfiguration", "OldestInstance"] },
              },
            ],
          },
        },
      },
    ],
    invalid: [
      {
        name: "an unknown LifecycleState",
        body: {
          RequestId: ALI_ID,
          TotalCount: 1,
          PageNumber: 1,
          PageSize: 10,
          ScalingGroups: {
            ScalingGroup: [
              {
                ScalingGroupId: "a",
                ScalingGroupName: "g",
                RegionId: "r",
                LifecycleState: "Unknown",
                MinSize: 0,
                MaxSize: 1,
              },
            ],
          },
        },
      },
      {
        name: "MinSize as a string",
        body: {
          RequestId: ALI_ID,
          TotalCount: 1,
          PageNumber: 1,
          PageSize: 10,
          ScalingGroups: {
            ScalingGroup: [
              {
                ScalingGroupId: "a",
                ScalingGroupName: "g",
                RegionId: "r",
                LifecycleState: "Active",
                MinSize: "0",
                MaxSize: 1,
              },
            ],
          },
        },
      },
      {
        name: "TotalCount as a string",
        body: {
          RequestId: ALI_ID,
          TotalCount: "0",
          PageNumber: 1,
          PageSize: 10,
          ScalingGroups: { ScalingGroup: [] },
        },
      },
    ],
  },
  "alibaba/actions/ess/CreateScalingGroup.schema.json": {
    valid: [{ name: "the new group's ID", body: { RequestId: ALI_ID, ScalingGroupId: "asg-1" } }],
    invalid: [{ name: "no ScalingGroupId", body: { RequestId: ALI_ID } }],
  },
  "alibaba/actions/ess/DeleteScalingGroup.schema.json": {
    valid: [{ name: "only RequestId", body: { RequestId: ALI_ID } }],
    invalid: [{ name: "no RequestId", body: {} }],
  },
  "zenlayer/actions/bmc/CreateInstances.schema.json": {
    valid: [
      { name: "two instances", body: { requestId: ZL_ID, instanceIdSet: ["1", "2"], orderNumber: "1" } },
    ],
    invalid: [
      { name: "instanceIdSet as a string", body: { requestId: ZL_ID, instanceIdSet: "1", orderNumber: "1" } },
      { name: "a numeric orderNumber", body: { requestId: ZL_ID, instanceIdSet: ["1"], orderNumber: 1 } },
    ],
  },
  "zenlayer/actions/bmc/DescribeInstances.schema.json": {
    valid: [
      {
        name: "one instance with a null imageId",
        body: {
          requestId: ZL_ID,
          totalCount: 1,
          dataSet: [
            {
              instanceId: "1",
              instanceName: "n",
              zoneId: "SEL-A",
              instanceStatus: "RUNNING",
              imageId: null,
              publicIpAddresses: ["10.0.0.1"],
            },
          ],
        },
      },
    ],
    invalid: [
      { name: "totalCount as a string", body: { requestId: ZL_ID, totalCount: "1", dataSet: [] } },
      {
        name: "an instance without instanceStatus",
        body: {
          requestId: ZL_ID,
          totalCount: 1,
          dataSet: [{ instanceId: "1", instanceName: "n", zoneId: "SEL-A" }],
        },
      },
    ],
  },
};

describe("valid and invalid bodies", () => {
  for (const [id, { valid, invalid }] of Object.entries(cases)) {
    describe(id, () => {
      for (const { name, body } of valid) {
        it(`accepts ${name}`, () => expectValid(id, body));
      }
      for (const { name, body } of invalid) {
        it(`rejects ${name}`, () => expectInvalid(id, body));
      }
    });
  }
});
