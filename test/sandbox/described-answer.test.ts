import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { schemasDir } from "../../src/project-paths.js";
import type { Dialect } from "../../src/providers/dialect.js";
import {
  type ActionsDocument,
  answerSeed,
  DescribedActions,
  synthesizeAnswer,
} from "../../src/sandbox/described-answer.js";
import type { RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import { ActionsDocuments } from "../../src/schemas/actions-documents.js";
import { closedView } from "../../src/schemas/closed-view.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import { minimalRequest } from "../../src/schemas/minimal-request.js";
import { findingsOf } from "./support/judge.js";
import {
  alibabaCall,
  type Exchange,
  startTestSandbox,
  tencentCall,
  zenlayerCall,
} from "./support/sandbox-calls.js";

type Schema = Record<string, unknown>;

interface Described {
  dialect: Dialect;
  product: string;
  version: string;
  /** The payload's request-ID member, which the dialect's renderer adds. */
  requestId: string;
  /** Served by hand (not synthesized). */
  handWritten: string[];
}

const DESCRIBED: Described[] = [
  {
    dialect: "tencent",
    product: "cvm",
    version: "2017-03-12",
    requestId: "RequestId",
    handWritten: ["DescribeInstancesStatus"],
  },
  {
    dialect: "alibaba",
    product: "kms",
    version: "2016-01-20",
    requestId: "RequestId",
    handWritten: ["Encrypt", "DescribeRegions"],
  },
  {
    dialect: "alibaba",
    product: "ess",
    version: "2014-08-28",
    requestId: "RequestId",
    handWritten: ["DescribeScalingGroups", "CreateScalingGroup", "DeleteScalingGroup"],
  },
  {
    dialect: "zenlayer",
    product: "bmc",
    version: "2022-11-20",
    requestId: "requestId",
    handWritten: ["CreateInstances", "DescribeInstances"],
  },
];

function rawDocument(d: Described): Schema {
  const file = path.join(schemasDir, d.dialect, "actions", d.product, `${d.version}.actions.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Schema;
}

/** The smallest request the action's description accepts (its required parameters). */
const minimal = (d: Described, action: string) => minimalRequest(d.dialect, d.product, action, d.version);

function actionsOf(d: Described): string[] {
  return Object.keys(rawDocument(d)["x-actions"] as Record<string, string>).sort();
}

describe("sandbox: answers synthesized from the actions documents", () => {
  const described = new DescribedActions();

  for (const d of DESCRIBED) {
    describe(`${d.dialect}/${d.product} ${d.version}`, () => {
      const raw = rawDocument(d);
      const id = raw.$id as string;
      const names = raw["x-actions"] as Record<string, string>;
      const ajv = createAjv();
      ajv.addSchema(raw);
      ajv.addSchema({ ...closedView(raw), $id: id.replace(/\.actions\.json$/, ".closed.actions.json") });

      it(`answers every described action (${Object.keys(names).length}) with a payload valid against its definition, closed too`, () => {
        const invalid: string[] = [];
        for (const action of Object.keys(names)) {
          const answer = described.answer(d.dialect, d.product, action, d.version, {
            ...minimal(d, action),
            Probe: "1",
          });
          expect(answer, action).to.be.an("object");
          const definition = (raw.definitions as Record<string, Schema>)[names[action] as string] as Schema;
          const properties = (definition.properties ?? {}) as Schema;
          const payload = {
            ...answer,
            ...(d.requestId in properties ? { [d.requestId]: "REQUEST-ID" } : {}),
          };
          for (const variant of [id, id.replace(/\.actions\.json$/, ".closed.actions.json")]) {
            const validate = ajv.compile({ $ref: `${variant}#/definitions/${names[action]}` });
            if (!validate(payload)) invalid.push(`${action}: ${ajv.errorsText(validate.errors)}`);
          }
          // Every described member is there (the request ID is the renderer's).
          const missing = Object.keys(properties).filter((m) => m !== d.requestId && !(m in (answer ?? {})));
          if (missing.length > 0) invalid.push(`${action}: missing ${missing.join(", ")}`);
          expect(answer ?? {}).to.not.have.property(d.requestId);
        }
        expect(invalid).to.deep.equal([]);
      });

      it("is deterministic: the same parameters (in any order) give the same answer, others another", () => {
        for (const action of Object.keys(names)) {
          const a = described.answer(d.dialect, d.product, action, d.version, {
            ...minimal(d, action),
            A: "1",
            B: { C: 2, D: 3 },
          });
          const b = new DescribedActions().answer(d.dialect, d.product, action, d.version, {
            B: { D: 3, C: 2 },
            A: "1",
            ...minimal(d, action),
          });
          expect(a, action).to.deep.equal(b);
        }
        // Other parameters, other strings (wherever the payload has a string member), where the answer is
        // synthesized: a documented example is the same for every request.
        const examples = (new ActionsDocuments().document(d.dialect, d.product, d.version)?.examples ??
          {}) as Record<string, unknown>;
        const synthesized = Object.keys(names).filter((action) => !Object.hasOwn(examples, action));
        const differs = synthesized.filter((action) => {
          const one = described.answer(d.dialect, d.product, action, d.version, {
            ...minimal(d, action),
            A: "1",
          });
          const other = described.answer(d.dialect, d.product, action, d.version, {
            ...minimal(d, action),
            A: "2",
          });
          return JSON.stringify(one) !== JSON.stringify(other);
        });
        expect(differs.length).to.be.greaterThan(synthesized.length / 2);
      });
    });
  }

  it("gives a nullable member a value, stops a self-referencing definition, keeps required members there", () => {
    const document: ActionsDocument = {
      version: "2020-01-01",
      actions: { DescribeTree: "Tree", Nothing: "Missing" },
      requests: {},
      examples: {},
      definitions: {
        Tree: {
          type: "object",
          properties: {
            RequestId: { type: "string" },
            Name: { type: ["string", "null"] },
            Count: { type: ["integer", "null"], minimum: 3 },
            Flag: { type: "boolean" },
            Maybe: { anyOf: [{ type: "null" }, { $ref: "#/definitions/Node" }] },
            Root: { $ref: "#/definitions/Node" },
          },
          required: ["Name"],
        },
        Node: {
          type: "object",
          properties: {
            Label: { type: "string" },
            Children: { type: "array", items: { $ref: "#/definitions/Node" } },
            Parent: { $ref: "#/definitions/Node" },
          },
          required: ["Label"],
        },
      },
    };
    const seed = answerSeed("tencent", "demo", "DescribeTree", {});
    const answer = synthesizeAnswer(document, "DescribeTree", seed) as Record<string, unknown>;
    expect(answer).to.not.have.property("RequestId");
    expect(answer.Name)
      .to.be.a("string")
      .and.match(/^Name-[0-9a-f]{8}$/);
    expect(answer.Count).to.be.at.least(3);
    expect(answer.Flag).to.equal(false);
    expect(answer.Maybe).to.be.an("object");
    const root = answer.Root as Record<string, unknown>;
    // The first Node is expanded; inside it Node refers to itself: empty arrays, only required members.
    expect(root.Children).to.deep.equal([]);
    expect(root.Parent).to.deep.equal({ Label: (root.Parent as Record<string, unknown>).Label });
    expect(synthesizeAnswer(document, "Nothing", seed)).to.equal(undefined);
    expect(synthesizeAnswer(document, "Undescribed", seed)).to.equal(undefined);
    const ajv = createAjv();
    ajv.addSchema({ $id: "demo.json", definitions: document.definitions });
    expect(ajv.validate({ $ref: "demo.json#/definitions/Tree" }, answer), ajv.errorsText()).to.equal(true);
  });

  it("knows no answer for an action no document describes", () => {
    expect(described.answer("tencent", "cvm", "DescribeConformanceProbe", "2017-03-12", {})).to.equal(
      undefined,
    );
    expect(described.answer("alibaba", "ecs", "DescribeRegions", "2014-05-26", {})).to.equal(undefined);
    // The newest version describes it when the one named does not exist.
    expect(described.answer("zenlayer", "bmc", "DescribeZones", "1999-01-01", {})).to.be.an("object");
  });

  it("refuses what the request side of the description rejects: a missing required parameter, a wrong type", () => {
    const refusal = (params: Record<string, unknown>, fromText = false) => {
      try {
        described.answer("tencent", "cvm", "DescribeInstancesAttributes", "2017-03-12", params, { fromText });
        return undefined;
      } catch (error) {
        const { kind, detail } = error as { kind: string; detail: Record<string, string> };
        return { kind, ...detail };
      }
    };
    const base = minimalRequest("tencent", "cvm", "DescribeInstancesAttributes", "2017-03-12");
    expect(Object.keys(base)).to.deep.equal(["Attributes", "InstanceIds"]);
    expect(refusal(base)).to.equal(undefined);
    expect(refusal({ InstanceIds: base.InstanceIds })).to.deep.equal({
      kind: "missing-parameter",
      parameter: "Attributes",
    });
    expect(refusal({ ...base, Attributes: "" })).to.include({ kind: "missing-parameter" });
    expect(refusal({ ...base, InstanceIds: "ins-1" })).to.deep.equal({
      kind: "invalid-parameter",
      parameter: "InstanceIds",
      value: "ins-1",
      reason: "InstanceIds must be a list, not ins-1",
    });
    // Parameters the description does not name pass; so does text that reads as the type, from a query.
    expect(refusal({ ...base, Extra: 1 })).to.equal(undefined);
    const limit = { Limit: "5" };
    expect(() => described.answer("tencent", "cvm", "DescribeInstances", "2017-03-12", limit)).to.throw(
      /invalid-parameter \(Limit\): Limit must be an integer, not 5/,
    );
    expect(
      described.answer("tencent", "cvm", "DescribeInstances", "2017-03-12", limit, { fromText: true }),
    ).to.be.an("object");
    expect(() =>
      described.answer("alibaba", "kms", "ListKeys", "2016-01-20", { PageSize: "ten" }, { fromText: true }),
    ).to.throw(/invalid-parameter \(PageSize\)/);
    expect(() =>
      described.answer("zenlayer", "bmc", "DescribeImages", "2022-11-20", { imageIds: "img-1" }),
    ).to.throw(/invalid-parameter \(imageIds\)/);
  });

  describe("through the running sandbox, judged by the engine", () => {
    let sandbox: RunningSandbox;
    before(async () => {
      sandbox = await startTestSandbox({ rateLimit: null });
    });
    after(() => sandbox.close());

    /** Every finding of every exchange, as "action: rule: message". */
    async function judgeAll(calls: Array<[string, () => Promise<Exchange>]>): Promise<string[]> {
      const problems: string[] = [];
      for (let i = 0; i < calls.length; i += 16) {
        const batch = calls.slice(i, i + 16);
        const exchanges = await Promise.all(batch.map(([, call]) => call()));
        for (const [index, exchange] of exchanges.entries()) {
          const name = batch[index]?.[0];
          if (exchange.status !== 200) problems.push(`${name}: HTTP ${exchange.status} ${exchange.text}`);
          for (const f of await findingsOf(exchange)) problems.push(`${name}: ${f.rule}: ${f.message}`);
        }
      }
      return problems;
    }

    function generated(d: Described): string[] {
      return actionsOf(d).filter((a) => !d.handWritten.includes(a));
    }

    it("Tencent cvm: every generated action answers success with no finding", async () => {
      const d = DESCRIBED[0] as Described;
      const problems = await judgeAll(
        generated(d).map((action) => [
          action,
          () => tencentCall(sandbox.url, { action, params: minimal(d, action) }),
        ]),
      );
      expect(problems).to.deep.equal([]);
    });

    for (const d of DESCRIBED.filter((x) => x.dialect === "alibaba")) {
      for (const format of ["JSON", "XML"] as const) {
        it(`Alibaba ${d.product} ${format}: every generated action answers success with no finding`, async () => {
          const problems = await judgeAll(
            generated(d).map((action) => [
              action,
              () =>
                alibabaCall(sandbox.url, {
                  action,
                  product: d.product as "kms" | "ess",
                  format,
                  params: { RegionId: "cn-hangzhou" },
                }),
            ]),
          );
          expect(problems).to.deep.equal([]);
        });
      }
    }

    it("Zenlayer bmc: every generated action answers success with no finding", async () => {
      const d = DESCRIBED[3] as Described;
      const problems = await judgeAll(
        generated(d).map((action) => [action, () => zenlayerCall(sandbox.url, { action, params: {} })]),
      );
      expect(problems).to.deep.equal([]);
    });

    it("answers a missing required parameter and a wrong type with the dialect's documented codes", async () => {
      const missing = await tencentCall(sandbox.url, { action: "DescribeInstancesAttributes", params: {} });
      expect(missing.json.Response.Error.Code).to.equal("MissingParameter");
      expect(missing.json.Response.Error.Message).to.include("Attributes");
      const wrong = await tencentCall(sandbox.url, {
        action: "DescribeInstancesAttributes",
        params: { ...minimalRequest("tencent", "cvm", "DescribeInstancesAttributes"), InstanceIds: 7 },
      });
      expect(wrong.json.Response.Error.Code).to.equal("InvalidParameterValue");
      const ali = await alibabaCall(sandbox.url, {
        action: "ListKeys",
        product: "kms",
        params: { PageSize: "ten" },
      });
      expect([ali.status, ali.json.Code]).to.deep.equal([400, "InvalidParameter"]);
      const zen = await zenlayerCall(sandbox.url, {
        action: "DescribeImages",
        params: { imageIds: "img-1" },
      });
      expect([zen.status, zen.json.code]).to.deep.equal([400, "INVALID_PARAMETER"]);
    });

    it("answers the same parameters with the same payload, keeps the dialect's checks first", async () => {
      const first = await tencentCall(sandbox.url, { action: "DescribeZones", params: { A: 1 } });
      const second = await tencentCall(sandbox.url, { action: "DescribeZones", params: { A: 1 } });
      const { RequestId: r1, ...one } = first.json.Response;
      const { RequestId: r2, ...two } = second.json.Response;
      expect(r1).to.not.equal(r2);
      expect(one).to.deep.equal(two);
      // DescribeZones has a documented example that passes its schema: that is the answer (three zones);
      // DescribeImages has none that passes: a synthesized one (one image).
      const example = new ActionsDocuments().document("tencent", "cvm", "2017-03-12")?.examples.DescribeZones;
      expect(one).to.deep.equal(example);
      expect(one.ZoneSet).to.have.length(3);
      const images = await tencentCall(sandbox.url, { action: "DescribeImages" });
      expect(images.json.Response.ImageSet).to.have.length(1);

      const region = await tencentCall(sandbox.url, { action: "DescribeZones", region: "mars-1" });
      expect(region.json.Response.Error.Code).to.equal("UnsupportedRegion");
      const signature = await tencentCall(sandbox.url, { action: "DescribeZones", secretKey: "wrong" });
      expect(signature.json.Response.Error.Code).to.equal("AuthFailure.SignatureFailure");
      const unknown = await tencentCall(sandbox.url, { action: "DescribeConformanceProbe" });
      expect(unknown.json.Response.Error.Code).to.equal("InvalidAction");

      const zone = await zenlayerCall(sandbox.url, { action: "DescribeZones", params: { zoneId: "XXX-Z" } });
      expect(zone.json.code).to.equal("INVALID_ZONE_NOT_FOUND");
      const unknownZc = await zenlayerCall(sandbox.url, { action: "DescribeConformanceProbe" });
      expect(unknownZc.json.code).to.equal("INVALID_ACTION");
      const unknownAli = await alibabaCall(sandbox.url, {
        action: "DescribeConformanceProbe",
        product: "ess",
      });
      expect(unknownAli.json.Code).to.equal("UnsupportedOperation");
    });
  });
});
