import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { checkExchange } from "../../src/engine/check-exchange.js";
import { createEngine } from "../../src/engine/engine.js";
import { InputError } from "../../src/model/exchange.js";
import { SchemaRegistry } from "../../src/schemas/schema-registry.js";
import { alibabaSuccess, tencentSuccess } from "../support/bodies.js";
import { buildExchange } from "../support/exchange-builder.js";

/** A user's description of a private Tencent product, in the layout `npm run gen:schemas` writes. */
const privateProduct = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "tencent/actions/myprod/2024-01-01.actions.json",
  "x-actions": { DescribeWidgets: "DescribeWidgetsResponse" },
  definitions: {
    DescribeWidgetsResponse: {
      type: "object",
      required: ["TotalCount", "RequestId"],
      properties: { TotalCount: { type: "integer" }, RequestId: { type: "string" } },
    },
  },
};

/** A user's override of the suite's own KMS Encrypt schema: a member of a newer API version required. */
const encryptOverride = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "alibaba/actions/kms/2016-01-20.actions.json",
  "x-actions": { Encrypt: "EncryptResponse" },
  definitions: {
    EncryptResponse: {
      type: "object",
      required: ["Algorithm"],
      properties: { Algorithm: { type: "string" } },
    },
  },
};

describe("SchemaRegistry: action schemas of the configuration (actionSchemas)", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "action-schemas-"));
    await writeFile(path.join(dir, "myprod.actions.json"), JSON.stringify(privateProduct));
    await writeFile(path.join(dir, "kms.actions.json"), JSON.stringify(encryptOverride));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("add a product the suite does not describe, judged by action-schema", async () => {
    const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256, actionSchemas: [dir] });
    const judged = (body: unknown) =>
      checkExchange(
        buildExchange({ dialect: "tencent", product: "myprod", action: "DescribeWidgets", body }),
        engine,
      );
    const good = judged(tencentSuccess({ TotalCount: 2 }));
    expect(good.kind === "checked" && good.verdicts.get("action-schema")).to.equal("pass");
    const bad = judged(tencentSuccess({ TotalCount: "2" }));
    expect(
      bad.kind === "checked" && bad.result.findings.map((f) => [f.rule, f.messageId, f.pointer]),
    ).to.deep.equal([["action-schema", "schema.type", "/Response/TotalCount"]]);
  });

  it("come before the suite's own schemas, hand-written ones included", async () => {
    const withOverride = await SchemaRegistry.load(undefined, [path.join(dir, "kms.actions.json")]);
    const suites = await SchemaRegistry.load();
    const body = alibabaSuccess({
      CiphertextBlob: "x",
      KeyId: "key-1",
      KeyVersionId: "2ab1a983-7072-4bbc-a582-584b5bd80001",
    });
    expect(suites.action("alibaba", "kms", "Encrypt", "json")?.validate(body)).to.equal(true);
    const overridden = withOverride.action("alibaba", "kms", "Encrypt", "json");
    expect(overridden?.id).to.equal(
      "alibaba/actions/kms/2016-01-20.actions.json#/definitions/EncryptResponse",
    );
    expect(overridden?.validate(body)).to.equal(false);
  });

  it("refuse a file whose $id names no action schema, naming the file", async () => {
    const file = path.join(dir, "..", `${path.basename(dir)}-bad.json`);
    await writeFile(file, JSON.stringify({ $id: "whatever.json" }));
    try {
      const error = await SchemaRegistry.load(undefined, [file]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).file).to.equal(file);
      expect((error as Error).message).to.match(/names no action schema/);
    } finally {
      await rm(file, { force: true });
    }
  });

  it("compile a schema only when an exchange first needs it, once", async () => {
    const registry = await SchemaRegistry.load();
    const first = registry.action("alibaba", "kms", "Encrypt", "xml");
    expect(first?.id).to.equal("alibaba/actions/kms/Encrypt.xml-view.schema.json");
    expect(registry.action("alibaba", "kms", "Encrypt", "xml")).to.equal(first);
  });

  it("keeps at most maxCompiled schemas compiled, and compiles a forgotten one again when it is needed", async () => {
    const registry = await SchemaRegistry.load(undefined, [], { maxCompiled: 2 });
    const encrypt = registry.action("alibaba", "kms", "Encrypt", "json");
    registry.action("alibaba", "kms", "DescribeRegions", "json");
    expect(registry.action("alibaba", "kms", "Encrypt", "json"), "still compiled").to.equal(encrypt);
    registry.action("tencent", "cvm", "DescribeZones", "json");
    const again = registry.action("alibaba", "kms", "Encrypt", "json");
    expect(again, "compiled anew").not.to.equal(encrypt);
    const body = alibabaSuccess({ CiphertextBlob: "x", KeyId: "key-1", KeyVersionId: "v" });
    expect(again?.validate(body)).to.equal(encrypt?.validate(body));
    expect(again?.id).to.equal(encrypt?.id);
  });

  it("remembers what it found for each question, and holds a bounded number of answers when actions keep coming that have no schema", async () => {
    const registry = await SchemaRegistry.load(undefined, [], { maxCompiled: 2 });
    const held = () => (registry as unknown as { found: Map<string, unknown> }).found.size;
    for (let n = 0; n < 100; n++)
      expect(registry.action("tencent", "cvm", `NoSuchAction${n}`, "json")).to.equal(undefined);
    expect(held()).to.be.at.most(8);
    const zones = registry.action("tencent", "cvm", "DescribeZones", "json");
    expect(zones?.id).to.match(/DescribeZones/);
    expect(registry.action("tencent", "cvm", "DescribeZones", "json")).to.equal(zones);
  });

  it("never takes one question for another, whatever spaces the traffic's names hold", async () => {
    const registry = await SchemaRegistry.load();
    // Joined with spaces, these two questions would read the same.
    expect(registry.action("tencent", "cvm", "DescribeZones", "json", "xml y")?.id).to.match(/DescribeZones/);
    expect(registry.action("tencent", "cvm", "DescribeZones json", "xml", "y")).to.equal(undefined);
  });
});
