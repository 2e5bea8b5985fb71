import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { tencentExampleDocuments } from "../../scripts/schema-generation/tencent-examples.js";

const SOURCE = "corpus/tencentcloud-cli/services/cvm/v20170312/api.json";

/** A cvm actions document (the registry's Tencent product) with one action, as the generator writes it. */
const ACTIONS = {
  $id: "tencent/actions/cvm/2017-03-12.actions.json",
  "x-generated": { generator: "g", source: SOURCE, commit: "c0ffee" },
  "x-actions": { DescribeThings: "DescribeThingsResponse", DescribeNothing: "DescribeNothingResponse" },
  definitions: {
    DescribeThingsResponse: {
      type: "object",
      properties: { RequestId: { type: "string" }, TotalCount: { type: "integer" } },
      required: ["RequestId", "TotalCount"],
      additionalProperties: true,
    },
    DescribeNothingResponse: {
      type: "object",
      properties: { RequestId: { type: "string" } },
      required: ["RequestId"],
      additionalProperties: true,
    },
  },
};

const output = (response: object) => JSON.stringify({ Response: response });

describe("Tencent documented examples for the sandbox (scripts/schema-generation/tencent-examples.ts)", () => {
  let corpus: string;
  before(async () => {
    corpus = await mkdtemp(path.join(os.tmpdir(), "tencent-examples-"));
    const dir = path.join(corpus, "tencentcloud-cli", "services", "cvm", "v20170312");
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, "examples.json"),
      JSON.stringify({
        actions: {
          DescribeThings: [
            { title: "placeholder", output: "{ Response: ... }" },
            { title: "an error", output: output({ Error: { Code: "X", Message: "m" }, RequestId: "r" }) },
            {
              title: "a member the schema does not name",
              output: output({ TotalCount: 1, Extra: 1, RequestId: "r" }),
            },
            { title: "a string count", output: output({ TotalCount: "1", RequestId: "r" }) },
            { title: "the one", output: output({ TotalCount: 2, RequestId: "r" }) },
            { title: "later", output: output({ TotalCount: 3, RequestId: "r" }) },
          ],
        },
      }),
    );
  });
  after(() => rm(corpus, { recursive: true, force: true }));

  it("keeps the first example that is a JSON success passing the closed definition, less its RequestId", () => {
    const documents = tencentExampleDocuments(corpus, new Map([[ACTIONS.$id, ACTIONS]]));
    expect([...documents.keys()]).to.deep.equal(["tencent/examples/cvm/2017-03-12.examples.json"]);
    const document = documents.get("tencent/examples/cvm/2017-03-12.examples.json") as Record<
      string,
      unknown
    >;
    expect(document.examples).to.deep.equal({ DescribeThings: { TotalCount: 2 } });
    expect(document["x-generated"]).to.deep.equal({
      generator: "scripts/schema-generation/tencent-examples.ts",
      source: "corpus/tencentcloud-cli/services/cvm/v20170312/examples.json",
      commit: "c0ffee",
    });
    expect(document.$comment)
      .to.include("answers 1 of the 2 actions")
      .and.include("examples passed over: 1 an error, 2 fails the schema, 1 not JSON");
  });

  it("writes nothing for a product whose corpus has no examples.json", () => {
    expect(
      tencentExampleDocuments(path.join(corpus, "none"), new Map([[ACTIONS.$id, ACTIONS]])).size,
    ).to.equal(0);
  });
});
