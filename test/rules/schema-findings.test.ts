import { expect } from "chai";
import type { Finding } from "../../src/model/finding.js";
import type { RuleMeta } from "../../src/rules/rule.js";
import { MAX_SCHEMA_FINDINGS, SCHEMA_MESSAGES, schemaFindings } from "../../src/rules/schema-findings.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import type { CompiledSchema } from "../../src/schemas/schema-registry.js";
import { expectDeclaredMessage } from "../support/rule-tester.js";

const SCHEMA_ID = "test.schema.json";

/** A member's schema and a value that breaks it, for every keyword SCHEMA_MESSAGES has a template for. */
const BREAKS: Record<string, [schema: Record<string, unknown>, value: unknown]> = {
  required: [{ type: "object", required: ["Id"] }, {}],
  type: [{ type: "string" }, 1],
  union: [{ type: ["string", "number"] }, true],
  enum: [{ enum: ["Active", "Inactive", 3] }, "Deleting"],
  const: [{ const: "x" }, "y"],
  pattern: [{ type: "string", pattern: "^[0-9]+$" }, "one"],
  additionalProperties: [
    { type: "object", additionalProperties: false, properties: { a: {} } },
    { a: 1, b: 2 },
  ],
  minLength: [{ type: "string", minLength: 3 }, "ab"],
  maxLength: [{ type: "string", maxLength: 1 }, "ab"],
  minimum: [{ type: "number", minimum: 10 }, 1],
  maximum: [{ type: "number", maximum: 1 }, 2],
  exclusiveMinimum: [{ type: "number", exclusiveMinimum: 0 }, 0],
  exclusiveMaximum: [{ type: "number", exclusiveMaximum: 0 }, 0],
  multipleOf: [{ type: "number", multipleOf: 10 }, 15],
  minItems: [{ type: "array", minItems: 2 }, [1]],
  maxItems: [{ type: "array", maxItems: 0 }, [1]],
  uniqueItems: [{ type: "array", uniqueItems: true }, [1, 1]],
  minProperties: [{ type: "object", minProperties: 2 }, {}],
  maxProperties: [{ type: "object", maxProperties: 0 }, { a: 1 }],
  anyOf: [{ anyOf: [{ type: "string" }, { type: "number" }] }, true],
  oneOf: [{ oneOf: [{ type: "number" }, { type: "integer" }] }, 1],
  not: [{ not: { type: "string" } }, "s"],
  // No template of its own: schema.other.
  propertyNames: [{ type: "object", propertyNames: { pattern: "^[a-z]+$" } }, { Upper: 1 }],
};

function compiled(schema: Record<string, unknown>): CompiledSchema {
  return { id: SCHEMA_ID, validate: createAjv().compile(schema) };
}

/** The findings for one member `/m` of a body, broken as BREAKS[name] says, as the engine reports them. */
function findingsFor(name: string): Finding[] {
  const [schema, value] = BREAKS[name] as [Record<string, unknown>, unknown];
  const body = { m: value };
  const drafts = schemaFindings(compiled({ type: "object", properties: { m: schema } }), body, "", new Set());
  return drafts.map((draft) => ({ ...draft, rule: "schema-test", severity: "error" }));
}

const META: RuleMeta = {
  id: "schema-test",
  severity: "error",
  dialects: [],
  description: "",
  source: { document: "", quote: "" },
  messages: SCHEMA_MESSAGES,
  needs: "body",
};

describe("schema findings: messageId schema.<ajv keyword>, data from ajv's params", () => {
  it("draws every schema.<keyword> message, each its template rendered with its data", () => {
    const drawn = new Set<string>();
    for (const name of Object.keys(BREAKS)) {
      const findings = findingsFor(name);
      expect(findings, name).to.not.deep.equal([]);
      for (const finding of findings) {
        expectDeclaredMessage(finding, META);
        drawn.add(finding.messageId as string);
      }
    }
    expect(Object.keys(SCHEMA_MESSAGES).filter((id) => !drawn.has(id))).to.deep.equal(["schema.more"]);
  });

  it("keeps the place as data.at and ajv's params beside the keyword", () => {
    expect(findingsFor("required")).to.deep.equal([
      {
        rule: "schema-test",
        severity: "error",
        pointer: "/m/Id",
        message: "/m/Id: is missing",
        messageId: "schema.required",
        data: { at: "/m/Id", keyword: "required", missingProperty: "Id" },
        expected: 'property "Id"',
        actual: "(absent)",
        schema: SCHEMA_ID,
      },
    ]);
    expect(findingsFor("minimum")[0]).to.deep.include({
      messageId: "schema.minimum",
      message: "/m: must be >= 10",
      data: { at: "/m", keyword: "minimum", comparison: ">=", limit: 10 },
    });
    expect(findingsFor("additionalProperties")[0]?.data).to.deep.equal({
      at: "/m",
      keyword: "additionalProperties",
      additionalProperty: "b",
    });
  });

  it("flattens lists to scalars: a union type as ajv prints it, other lists as JSON text", () => {
    expect(findingsFor("union")[0]).to.deep.include({
      messageId: "schema.type",
      message: "/m: must be string,number",
      data: { at: "/m", keyword: "type", type: "string,number" },
    });
    expect(findingsFor("enum")[0]?.data).to.deep.equal({
      at: "/m",
      keyword: "enum",
      allowedValues: '["Active","Inactive",3]',
    });
  });

  it("names a keyword without a template schema.other, with data.keyword and ajv's message as data.reason", () => {
    const [finding] = findingsFor("propertyNames").filter((f) => f.data?.keyword === "propertyNames");
    expect(finding).to.deep.include({
      messageId: "schema.other",
      message: "/m: property name must be valid",
    });
    expect(finding?.data).to.include({ keyword: "propertyNames", reason: "property name must be valid" });
  });

  it('calls the whole body "body", and places a payload validated on its own back into the body', () => {
    const [whole] = schemaFindings(compiled({ type: "object" }), [], "", new Set());
    expect(whole).to.deep.include({ pointer: "", message: "body: must be object", messageId: "schema.type" });
    expect(whole?.data).to.deep.equal({ at: "body", keyword: "type", type: "object" });
    const [inner] = schemaFindings(compiled({ required: ["Id"] }), { Response: {} }, "/Response", new Set());
    expect(inner).to.deep.include({ pointer: "/Response/Id", message: "/Response/Id: is missing" });
    expect(inner?.data).to.include({ at: "/Response/Id", missingProperty: "Id" });
  });

  it("sums up past MAX_SCHEMA_FINDINGS in one schema.more finding", () => {
    const names = Array.from({ length: MAX_SCHEMA_FINDINGS + 3 }, (_, i) => `F${i}`);
    const drafts = schemaFindings(compiled({ type: "object", required: names }), {}, "", new Set());
    expect(drafts).to.have.lengthOf(MAX_SCHEMA_FINDINGS + 1);
    const last = { ...drafts.at(-1), rule: "schema-test", severity: "error" } as Finding;
    expect(last).to.deep.include({
      messageId: "schema.more",
      message: `and 3 more mismatch(es) against ${SCHEMA_ID}`,
      data: { more: 3, schema: SCHEMA_ID },
    });
    expectDeclaredMessage(last, META);
  });
});
