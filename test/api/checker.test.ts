import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { type Checker, createChecker, InputError, type RawExchange } from "../../src/package/index.js";
import { exchangeOf, recordedExchanges, withBody } from "./recorded-exchanges.js";

const cvm = recordedExchanges("tencent-cvm");
const zones = exchangeOf(cvm, "DescribeZones", (body) => body.Response.Error === undefined);
const failure = exchangeOf(cvm, "RunInstances", (body) => body.Response.Error?.Message !== undefined);

describe("createChecker (the programmatic API)", () => {
  let checker: Checker;
  before(async () => {
    checker = await createChecker();
  });

  it("passes a conformant recorded success, with its identity and each rule's verdict", () => {
    const verdict = checker.check(zones);
    expect(verdict.verdict).to.equal("pass");
    if (verdict.verdict === "skipped") throw new Error("skipped");
    expect(verdict).to.include({
      dialect: "tencent",
      product: "cvm",
      action: "DescribeZones",
      outcome: "success",
    });
    expect(verdict.findings).to.deep.equal([]);
    expect(verdict.rules).to.include({ "envelope-shape": "pass", "request-id-present": "pass" });
  });

  it("passes a conformant recorded error", () => {
    expect(checker.check(failure).verdict).to.equal("pass");
  });

  it("fails an error without Message, naming the rule, messageId, pointer, expected and actual", () => {
    const broken = withBody(failure, (body) => {
      delete body.Response.Error.Message;
    });
    const verdict = checker.check(broken);
    expect(verdict.verdict).to.equal("fail");
    const finding = verdict.findings.find((f) => f.rule === "error-code-message");
    expect(finding).to.deep.include({
      rule: "error-code-message",
      severity: "error",
      messageId: "missing",
      pointer: "/Response/Error/Message",
      expected: "a non-empty string",
      actual: "(absent)",
    });
    expect(finding?.message)
      .to.be.a("string")
      .and.match(/no message/);
    if (verdict.verdict !== "skipped") expect(verdict.rules["error-code-message"]).to.equal("fail");
  });

  it("takes a body as an object, and the engine's RawExchange as the HAR reader yields it", () => {
    const asObject = {
      ...zones,
      response: { ...zones.response, body: JSON.parse(String(zones.response.body)) },
    };
    expect(checker.check(asObject).verdict).to.equal("pass");
    const text = String(zones.response.body);
    const raw: RawExchange = {
      source: { file: "recordings/tencent-cvm.har", index: 3 },
      request: {
        method: "POST",
        url: String(zones.request.url),
        headers: { "x-tc-action": "DescribeZones", "content-type": "application/json" },
        body: "{}",
      },
      response: {
        status: 200,
        headers: { "content-type": "application/json" },
        body: text,
        bodySize: Buffer.byteLength(text),
      },
    };
    const verdict = checker.check(raw);
    expect(verdict.verdict).to.equal("pass");
    expect(verdict.source).to.deep.equal({ file: "recordings/tencent-cvm.har", index: 3 });
  });

  it("skips, with the reason, an exchange it cannot read as any dialect", () => {
    const verdict = checker.check({
      request: { url: "https://example.com/api" },
      response: { status: 200, headers: { "content-type": "application/json" }, body: {} },
    });
    expect(verdict.verdict).to.equal("skipped");
    if (verdict.verdict === "skipped") expect(verdict.reason).to.be.a("string").and.not.equal("");
  });

  it("rejects an exchange without a request URL or a status, as a TypeError", () => {
    expect(() => checker.check({ response: { status: 200 } } as never)).to.throw(TypeError, /request\.url/);
  });

  it("checkAll judges every exchange of a recording, in order, as `conformance check` does", () => {
    for (const name of ["tencent-cvm", "alibaba-kms", "alibaba-ess", "alibaba-ecs", "zenlayer-bmc"]) {
      const exchanges = recordedExchanges(name);
      const verdicts = checker.checkAll(exchanges);
      expect(verdicts, name).to.have.length(exchanges.length);
      const failing = verdicts.filter((v) => v.verdict === "fail");
      expect(failing, `${name}: ${JSON.stringify(failing, null, 2)}`).to.deep.equal([]);
      expect(verdicts.map((v) => v.source.index)).to.deep.equal(exchanges.map((_, i) => i));
    }
  });

  it("applies a configuration given as an object: a rule turned off or made a warning", async () => {
    const broken = withBody(failure, (body) => {
      delete body.Response.Error.Message;
    });
    const off = await createChecker({ config: { rules: { "error-code-message": "off" } } });
    const offVerdict = off.check(broken);
    expect(offVerdict.findings.filter((f) => f.rule === "error-code-message")).to.deep.equal([]);
    expect(off.rules.find((r) => r.id === "error-code-message")?.severity).to.equal("off");
    const warning = await createChecker({ config: { rules: { "error-code-message": "warning" } } });
    expect(warning.check(broken).verdict).to.equal("warn");
  });

  it("reads a configuration file, and rejects a bad one with an InputError naming the field", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "conformance-api-"));
    try {
      await writeFile(
        path.join(dir, "conformance.config.json"),
        JSON.stringify({ rules: { "error-code-message": "off" } }),
      );
      const fromCwd = await createChecker({ cwd: dir });
      expect(fromCwd.rules.find((r) => r.id === "error-code-message")?.severity).to.equal("off");
      await writeFile(path.join(dir, "bad.json"), JSON.stringify({ rule: {} }));
      const error = await createChecker({ config: "bad.json", cwd: dir }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(InputError);
      expect((error as Error).message)
        .to.match(/bad\.json/)
        .and.match(/rule/);
      const objectError = await createChecker({ config: { rule: {} } as never }).catch((e: unknown) => e);
      expect(objectError).to.be.instanceOf(InputError);
      expect((objectError as Error).message).to.match(/rule/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
