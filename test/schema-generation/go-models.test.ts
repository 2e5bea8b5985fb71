// The parser of the Go SDKs' generated models (scripts/schema-generation/go-models.ts), on small snippets in
// the shape of alibaba-cloud-sdk-go and zenlayercloud-sdk-go, and the JSON Schema it makes of them.
import { expect } from "chai";
import {
  GoSchemaBuilder,
  type GoStruct,
  type GoType,
  jsonNameOf,
  parseGoStructs,
  parseStructTag,
} from "../../scripts/schema-generation/go-models.js";

const ALIBABA = `package ess

import (
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
)

// DescribeThingsRequest is the request struct for api DescribeThings
type DescribeThingsRequest struct {
	*requests.RpcRequest
	PageSize requests.Integer  \`position:"Query" name:"PageSize"\`
	Enabled  requests.Boolean  \`position:"Query" name:"Enabled"\`
	Weight   requests.Float    \`position:"Query" name:"Weight"\`
	Tag      *[]DescribeThingsTag \`position:"Query" name:"Tag"  type:"Repeated"\`
}

// DescribeThingsResponse is the response struct for api DescribeThings
type DescribeThingsResponse struct {
	*responses.BaseResponse
	RequestId  string  \`json:"RequestId" xml:"RequestId"\`
	TotalCount int     \`json:"TotalCount" xml:"TotalCount"\`
	Big        int64   \`json:"Big" xml:"Big"\`
	Small      int32   \`json:"Small" xml:"Small"\`
	Ratio      float64 \`json:"Ratio" xml:"Ratio"\`
	Share      float32 \`json:"Share" xml:"Share"\`
	Enabled    bool    \`json:"Enabled" xml:"Enabled"\`
	Things     Things  \`json:"Things" xml:"Things"\`
	Names      []string \`json:"Names" xml:"Names"\`
	Tags       map[string]interface{} \`json:"Tags" xml:"Tags"\`
	Detail     struct {
		Level int \`json:"Level" xml:"Level"\`
		Notes []struct {
			Text string \`json:"Text" xml:"Text"\`
		} \`json:"Notes" xml:"Notes"\`
	} \`json:"Detail" xml:"Detail"\`
}

func CreateDescribeThingsRequest() (request *DescribeThingsRequest) {
	request = &DescribeThingsRequest{
		RpcRequest: &requests.RpcRequest{},
	}
	request.InitWithApiInfo("Ess", "2014-08-28", "DescribeThings", "ess", "openAPI")
	return
}

type Things struct {
	Thing []Thing \`json:"Thing" xml:"Thing"\`
}

type Thing struct {
	ThingId string \`json:"ThingId" xml:"ThingId"\`
}
`;

const ZENLAYER = `package bmc

import (
	"github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/common"
)

type InstanceInfo struct {
	// Instance ID.
	InstanceId string \`json:"instanceId,omitempty"\`

	// Image ID.
	// Empty when no operating system is installed.
	ImageId *string \`json:"imageId,omitempty"\`

	Period *int \`json:"period,omitempty"\`
	Labels map[string]string \`json:"labels"\`
	Cursor []*interface{} \`json:"cursor,omitempty"\`
	Anything any \`json:"anything,omitempty"\`
	Ids []*string \`json:"ids,omitempty"\`
	Type *InstanceType \`json:"instanceType,omitempty"\`
    Spaced  []string \`json:"spaced,omitempty"\`  // 尾随注释
	Hidden string \`json:"-"\`
	Untagged string
}

type InstanceType struct {
	Name string \`json:"name"\`
}

type DescribeInstancesResponseParams struct {
	RequestId string \`json:"requestId,omitempty"\`
	DataSet []*InstanceInfo \`json:"dataSet,omitempty"\`
}

type DescribeInstancesResponse struct {
	*common.BaseResponse

	RequestId string \`json:"requestId,omitempty"\`

	Response *DescribeInstancesResponseParams \`json:"response"\`
}

type StartInstancesResponse struct {
	*common.BaseResponse
	RequestId string \`json:"requestId,omitempty"\`
	Response struct {
		RequestId string \`json:"requestId,omitempty"\`
	} \`json:"response"\`
}
`;

function struct(structs: Map<string, GoStruct>, name: string): GoStruct {
  const found = structs.get(name);
  expect(found, name).to.not.equal(undefined);
  return found as GoStruct;
}

function fieldType(s: GoStruct, name: string): GoType {
  const field = s.fields.find((f) => f.name === name);
  expect(field, `${s.name}.${name}`).to.not.equal(undefined);
  return (field as { type: GoType }).type;
}

describe("go-models: parsing the generated Go models", () => {
  describe("alibaba-cloud-sdk-go's shape", () => {
    const structs = parseGoStructs(ALIBABA, "describe_things.go");

    it("finds every top-level struct and skips the functions between them", () => {
      expect([...structs.keys()]).to.deep.equal([
        "DescribeThingsRequest",
        "DescribeThingsResponse",
        "Things",
        "Thing",
      ]);
    });

    it("records the embedded *responses.BaseResponse apart from the fields", () => {
      const response = struct(structs, "DescribeThingsResponse");
      expect(response.embedded).to.deep.equal([
        { kind: "pointer", elem: { kind: "named", name: "BaseResponse", package: "responses" } },
      ]);
      expect(response.fields.map((f) => f.name)).to.not.include("BaseResponse");
    });

    it("reads basic types, named structs, slices and maps", () => {
      const response = struct(structs, "DescribeThingsResponse");
      expect(fieldType(response, "RequestId")).to.deep.equal({ kind: "basic", name: "string" });
      for (const [name, basic] of [
        ["TotalCount", "int"],
        ["Big", "int64"],
        ["Small", "int32"],
        ["Ratio", "float64"],
        ["Share", "float32"],
        ["Enabled", "bool"],
      ] as const) {
        expect(fieldType(response, name), name).to.deep.equal({ kind: "basic", name: basic });
      }
      expect(fieldType(response, "Things")).to.deep.equal({ kind: "named", name: "Things" });
      expect(fieldType(response, "Names")).to.deep.equal({
        kind: "slice",
        elem: { kind: "basic", name: "string" },
      });
      expect(fieldType(response, "Tags")).to.deep.equal({
        kind: "map",
        key: { kind: "basic", name: "string" },
        elem: { kind: "interface" },
      });
      expect(fieldType(struct(structs, "Things"), "Thing")).to.deep.equal({
        kind: "slice",
        elem: { kind: "named", name: "Thing" },
      });
    });

    it("reads nested inline anonymous structs with their tags", () => {
      const detail = fieldType(struct(structs, "DescribeThingsResponse"), "Detail");
      expect(detail.kind).to.equal("struct");
      if (detail.kind !== "struct") return;
      expect(detail.fields.map((f) => [f.name, f.tags.json])).to.deep.equal([
        ["Level", "Level"],
        ["Notes", "Notes"],
      ]);
      const notes = detail.fields[1]?.type;
      expect(notes?.kind).to.equal("slice");
      expect(notes?.kind === "slice" && notes.elem.kind).to.equal("struct");
    });

    it("reads the request wrappers (requests.Integer, …) and *[]T as qualified named types and pointers", () => {
      const request = struct(structs, "DescribeThingsRequest");
      expect(fieldType(request, "PageSize")).to.deep.equal({
        kind: "named",
        name: "Integer",
        package: "requests",
      });
      expect(fieldType(request, "Enabled")).to.deep.equal({
        kind: "named",
        name: "Boolean",
        package: "requests",
      });
      expect(fieldType(request, "Weight")).to.deep.equal({
        kind: "named",
        name: "Float",
        package: "requests",
      });
      expect(fieldType(request, "Tag")).to.deep.equal({
        kind: "pointer",
        elem: { kind: "slice", elem: { kind: "named", name: "DescribeThingsTag" } },
      });
      expect(request.fields.find((f) => f.name === "Tag")?.tags).to.deep.equal({
        position: "Query",
        name: "Tag",
        type: "Repeated",
      });
    });
  });

  describe("zenlayercloud-sdk-go's shape", () => {
    const structs = parseGoStructs(ZENLAYER, "models.go");
    const info = struct(structs, "InstanceInfo");

    it("reads pointers, []*T, []*interface{}, any, map[string]string", () => {
      expect(fieldType(info, "ImageId")).to.deep.equal({
        kind: "pointer",
        elem: { kind: "basic", name: "string" },
      });
      expect(fieldType(info, "Period")).to.deep.equal({
        kind: "pointer",
        elem: { kind: "basic", name: "int" },
      });
      expect(fieldType(info, "Type")).to.deep.equal({
        kind: "pointer",
        elem: { kind: "named", name: "InstanceType" },
      });
      expect(fieldType(info, "Ids")).to.deep.equal({
        kind: "slice",
        elem: { kind: "pointer", elem: { kind: "basic", name: "string" } },
      });
      expect(fieldType(info, "Cursor")).to.deep.equal({
        kind: "slice",
        elem: { kind: "pointer", elem: { kind: "interface" } },
      });
      expect(fieldType(info, "Anything")).to.deep.equal({ kind: "interface" });
      expect(fieldType(info, "Labels")).to.deep.equal({
        kind: "map",
        key: { kind: "basic", name: "string" },
        elem: { kind: "basic", name: "string" },
      });
    });

    it("keeps the comments above a field (or after it) as its doc; a blank line ends a block", () => {
      const doc = (name: string) => info.fields.find((f) => f.name === name)?.doc;
      expect(doc("InstanceId")).to.equal("Instance ID.");
      expect(doc("ImageId")).to.equal("Image ID.\nEmpty when no operating system is installed.");
      expect(doc("Period")).to.equal(undefined);
      expect(doc("Spaced")).to.equal("尾随注释");
    });

    it('reads json names with omitempty, `json:"-"` and untagged fields as Go\'s encoding/json does', () => {
      const field = (name: string) => info.fields.find((f) => f.name === name) as GoStruct["fields"][number];
      expect(jsonNameOf(field("InstanceId"))).to.deep.equal({ name: "instanceId", omitempty: true });
      expect(jsonNameOf(field("Labels"))).to.deep.equal({ name: "labels", omitempty: false });
      expect(jsonNameOf(field("Hidden"))).to.equal(undefined);
      expect(jsonNameOf(field("Untagged"))).to.deep.equal({ name: "Untagged", omitempty: false });
    });

    it("reads *common.BaseResponse as embedded and an inline Response struct", () => {
      const start = struct(structs, "StartInstancesResponse");
      expect(start.embedded).to.deep.equal([
        { kind: "pointer", elem: { kind: "named", name: "BaseResponse", package: "common" } },
      ]);
      const response = fieldType(start, "Response");
      expect(response.kind).to.equal("struct");
      expect(start.fields.find((f) => f.name === "Response")?.tags).to.deep.equal({ json: "response" });
    });
  });

  describe("fails loudly on what is not the generated shape", () => {
    const bad: Array<[string, string, RegExp]> = [
      ["an array type", 'type A struct {\n\tX [4]int `json:"x"`\n}\n', /x\.go:2: array type/],
      ["a channel", 'type A struct {\n\tX chan int `json:"x"`\n}\n', /chan type/],
      ["a function type", 'type A struct {\n\tX func() `json:"x"`\n}\n', /func type/],
      ["several names on a line", 'type A struct {\n\tX, Y int `json:"x"`\n}\n', /several field names/],
      [
        "an interface with methods",
        'type A struct {\n\tX interface{ M() } `json:"x"`\n}\n',
        /interface with methods/,
      ],
      ["a non-struct type declaration", "type A string\n", /type A is not a struct/],
      ["a malformed tag", "type A struct {\n\tX int `json:x`\n}\n", /malformed struct tag/],
      ["a complex number", 'type A struct {\n\tX complex128 `json:"x"`\n}\n', /unexpected type complex128/],
      [
        "an unterminated struct",
        'type A struct {\n\tX int `json:"x"`\n',
        /unterminated struct|unexpected end/,
      ],
      ["a generic type", 'type A struct {\n\tX List[int] `json:"x"`\n}\n', /generic type/],
    ];
    for (const [name, source, message] of bad) {
      it(name, () => {
        expect(() => parseGoStructs(source, "x.go")).to.throw(message);
      });
    }
  });

  it("parses struct tags as reflect.StructTag does", () => {
    expect(parseStructTag('json:"a,omitempty" xml:"b"')).to.deep.equal({ json: "a,omitempty", xml: "b" });
    expect(parseStructTag('position:"Query" name:"Tag"  type:"Repeated"')).to.deep.equal({
      position: "Query",
      name: "Tag",
      type: "Repeated",
    });
  });
});

describe("go-models: the JSON Schema of parsed models", () => {
  const alibaba = parseGoStructs(ALIBABA, "describe_things.go");
  const zenlayer = parseGoStructs(ZENLAYER, "models.go");

  it("maps Go types to exact JSON types, named structs to $ref, inline structs inline", () => {
    const builder = new GoSchemaBuilder({
      where: "test",
      structs: alibaba,
      allowsNull: () => false,
      pointer: "refused",
      descriptions: false,
    });
    builder.reached.add("DescribeThingsResponse");
    const definitions = builder.definitions();
    expect(Object.keys(definitions)).to.deep.equal(["DescribeThingsResponse", "Thing", "Things"]);
    const properties = (definitions.DescribeThingsResponse as { properties: Record<string, unknown> })
      .properties;
    expect(properties).to.deep.include({
      RequestId: { type: "string" },
      TotalCount: { type: "integer" },
      Big: { type: "integer" },
      Small: { type: "integer" },
      Ratio: { type: "number" },
      Share: { type: "number" },
      Enabled: { type: "boolean" },
      Things: { $ref: "#/definitions/Things" },
      Names: { type: "array", items: { type: "string" } },
      Tags: { type: "object", additionalProperties: {} },
    });
    expect(properties.Detail).to.deep.equal({
      type: "object",
      properties: {
        Level: { type: "integer" },
        Notes: {
          type: "array",
          items: { type: "object", properties: { Text: { type: "string" } }, additionalProperties: true },
        },
      },
      additionalProperties: true,
    });
    expect(definitions.Things).to.deep.equal({
      type: "object",
      properties: { Thing: { type: "array", items: { $ref: "#/definitions/Thing" } } },
      additionalProperties: true,
    });
  });

  it("allows null where the generator says so, with descriptions from the doc comments", () => {
    const builder = new GoSchemaBuilder({
      where: "test",
      structs: zenlayer,
      allowsNull: (type) => ["pointer", "slice", "map"].includes(type.kind),
      pointer: "allowed",
      descriptions: true,
    });
    const schema = builder.definition("InstanceInfo") as { properties: Record<string, unknown> };
    expect(schema.properties).to.deep.include({
      instanceId: { description: "Instance ID.", type: "string" },
      imageId: {
        description: "Image ID.\nEmpty when no operating system is installed.",
        type: ["string", "null"],
      },
      period: { type: ["integer", "null"] },
      instanceType: { anyOf: [{ $ref: "#/definitions/InstanceType" }, { type: "null" }] },
      cursor: { type: ["array", "null"], items: {} },
      anything: {},
      ids: { type: ["array", "null"], items: { type: ["string", "null"] } },
      labels: { type: ["object", "null"], additionalProperties: { type: "string" } },
    });
    expect(schema.properties).to.not.have.property("Hidden");
    expect(schema.properties).to.have.property("Untagged");
  });

  it("refuses a named type it cannot resolve, and a pointer where pointers are refused", () => {
    const structs = parseGoStructs(
      'type R struct {\n\tA Missing `json:"a"`\n\tB requests.Integer `json:"b"`\n\tC *string `json:"c"`\n}\n',
    );
    const make = () =>
      new GoSchemaBuilder({
        where: "t",
        structs,
        allowsNull: () => false,
        pointer: "refused",
        descriptions: false,
      });
    const only = (name: string) => {
      const r = structs.get("R") as GoStruct;
      return make().objectSchema(
        r.fields.filter((f) => f.name === name),
        "R",
      );
    };
    expect(() => only("A")).to.throw(/R\.A has type Missing, which is not a struct of the package/);
    expect(() => only("B")).to.throw(/R\.B has type requests\.Integer/);
    expect(() => only("C")).to.throw(/R\.C is a pointer/);
  });

  it("refuses two fields with one JSON name", () => {
    const structs = parseGoStructs('type R struct {\n\tA string `json:"a"`\n\tB int `json:"a"`\n}\n');
    const builder = new GoSchemaBuilder({
      where: "t",
      structs,
      allowsNull: () => false,
      pointer: "refused",
      descriptions: false,
    });
    expect(() => builder.definition("R")).to.throw(/two fields named "a"/);
  });
});
