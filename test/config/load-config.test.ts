import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { CONFIG_FILE_NAME, loadConfig } from "../../src/config/load-config.js";
import { checkRecordings } from "../../src/engine/check-recordings.js";
import { recordingsDir } from "../../src/project-paths.js";
import { readValidatedJson } from "../../src/schemas/read-validated-json.js";
import { inputErrorOf } from "../support/input-error-of.js";
import { runCli } from "../support/run-cli.js";
import { sharedEngine } from "../support/shared-engine.js";
import { useTempDir } from "../support/temp-dir.js";

const CONFIG_FIELDS = "$schema, recordings, hosts, actionSchemas, rules, maxBodyBytes, maxDepth, maxResults";

describe("loadConfig", () => {
  const tempDir = useTempDir();
  let case_ = 0;

  /** Writes `config` as conformance.config.json in a folder of its own; returns that folder. */
  async function folderWith(config: unknown): Promise<string> {
    const dir = path.join(tempDir(), `case-${++case_}`);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, CONFIG_FILE_NAME),
      typeof config === "string" ? config : JSON.stringify(config),
    );
    return dir;
  }

  /** The message of the InputError that loading `config` raises, without the file. */
  async function problemWith(config: unknown): Promise<string> {
    const dir = await folderWith(config);
    const error = await inputErrorOf(loadConfig(undefined, dir));
    expect(error.file).to.equal(path.join(dir, CONFIG_FILE_NAME));
    expect(error.message).to.equal(`${error.file}: ${error.detail}`);
    return error.detail;
  }

  it("without a file: the defaults", async () => {
    const dir = path.join(tempDir(), "empty");
    await mkdir(dir);
    expect(await loadConfig(undefined, dir)).to.deep.equal({
      file: undefined,
      recordings: [recordingsDir],
      hosts: [],
      actionSchemas: [],
      rules: {},
      maxBodyBytes: 33554432,
      maxDepth: 256,
      maxResults: 1000,
    });
  });

  it("a valid file: paths resolved against its folder, the rest kept", async () => {
    const dir = await folderWith({
      recordings: ["traffic.har"],
      hosts: [{ host: "127.0.0.1:8080", dialect: "alibaba", product: "kms" }],
      rules: { "request-id-format": "off" },
      maxDepth: 64,
      maxResults: 25,
    });
    const config = await loadConfig(undefined, dir);
    expect(config).to.include({
      file: path.join(dir, CONFIG_FILE_NAME),
      maxDepth: 64,
      maxBodyBytes: 33554432,
      maxResults: 25,
    });
    expect(config.recordings).to.deep.equal([path.join(dir, "traffic.har")]);
    expect(config.rules).to.deep.equal({ "request-id-format": "off" });
  });

  it("an unknown field: names it, where it is, and the fields allowed there", async () => {
    expect(await problemWith({ rule: { "request-id-format": "off" } })).to.equal(
      `unknown field "rule" at / (allowed: ${CONFIG_FIELDS})`,
    );
    expect(
      await problemWith({ hosts: [{ host: "x.example", dialect: "tencent", prodcut: "cvm" }] }),
    ).to.equal('unknown field "prodcut" at hosts[0] (allowed: host, dialect, product)');
  });

  it("a bad severity: names the rule and lists the allowed values and what the file has", async () => {
    expect(await problemWith({ rules: { "request-id-format": "warn" } })).to.equal(
      'rules["request-id-format"] must be one of "error", "warning", "off", got "warn"',
    );
  });

  it("a bad dialect, a missing member, a wrong type or range: the path and what it must be", async () => {
    expect(await problemWith({ hosts: [{ host: "x.example", dialect: "tencnet" }] })).to.equal(
      'hosts[0].dialect must be one of "tencent", "alibaba", "zenlayer", got "tencnet"',
    );
    expect(await problemWith({ hosts: [{ dialect: "tencent" }] })).to.equal(
      'missing required field "host" at hosts[0]',
    );
    expect(await problemWith({ maxDepth: "64" })).to.equal('maxDepth must be an integer, got "64"');
    expect(await problemWith({ recordings: "recordings" })).to.equal(
      'recordings must be an array, got "recordings"',
    );
    expect(await problemWith({ recordings: ["a.har", 3] })).to.equal("recordings[1] must be a string, got 3");
    expect(await problemWith({ maxBodyBytes: 0 })).to.equal("maxBodyBytes must be >= 1, got 0");
    expect(await problemWith([])).to.equal("the configuration must be an object, got an array");
  });

  it("several problems: each one, in one message", async () => {
    expect(await problemWith({ rule: {}, rules: { "xml-root": "warn" } })).to.equal(
      `unknown field "rule" at / (allowed: ${CONFIG_FIELDS}); ` +
        'rules["xml-root"] must be one of "error", "warning", "off", got "warn"',
    );
  });

  it("not JSON, or --config naming a file that is not there: the file and what is wrong", async () => {
    expect(await problemWith("{ rules: {} }")).to.match(/^the configuration is not valid JSON: /);
    const dir = await folderWith({});
    const missing = await inputErrorOf(loadConfig("other.json", dir));
    expect(missing.file).to.equal(path.join(dir, "other.json"));
    expect(missing.detail).to.match(/^cannot read the configuration: ENOENT/);
  });

  it("conformance check: exit 2 with the file and the problem on stderr", async () => {
    const dir = await folderWith({ rules: { "request-id-format": "warn" } });
    const { code, stderr } = await runCli(["check", recordingsDir, "--report-dir", path.join(dir, "out")], {
      cwd: dir,
    });
    expect(code).to.equal(2);
    expect(stderr).to.include(
      `${path.join(dir, CONFIG_FILE_NAME)}: rules["request-id-format"] must be one of "error", "warning", "off", got "warn"`,
    );
  });
});

describe("readValidatedJson: baselines and reports name the field too", () => {
  const tempDir = useTempDir();

  async function problemIn(name: string, content: unknown, kind: { name: string; schema: string }) {
    const file = path.join(tempDir(), name);
    await writeFile(file, JSON.stringify(content));
    return (await inputErrorOf(readValidatedJson(file, kind))).detail;
  }

  it("a baseline: fields, constants and what the file has", async () => {
    const detail = await problemIn(
      "baseline.json",
      {
        baselineVersion: 2,
        expectedFailures: [{ dialect: "tencent", product: "cvm", action: "A", rulle: "x" }],
      },
      { name: "baseline", schema: "baseline.schema.json" },
    );
    expect(detail).to.equal(
      "not a baseline (schemas/baseline.schema.json): baselineVersion must be 1, got 2; " +
        'missing required field "rule" at expectedFailures[0]; ' +
        'unknown field "rulle" at expectedFailures[0] (allowed: dialect, product, action, rule, reason)',
    );
  });

  it("a report: a field inside a $ref'd definition, with the fields allowed there", async () => {
    const report = await checkRecordings(
      [path.join(recordingsDir, "tencent-cvm.har")],
      await sharedEngine(),
      {
        maxBodyBytes: 1 << 20,
      },
    );
    const rule = { ...report.rules[0], severity: "fatal", bogus: true };
    const detail = await problemIn(
      "report.json",
      { ...report, rules: [rule] },
      { name: "conformance report", schema: "report.schema.json" },
    );
    expect(detail).to.equal(
      "not a conformance report (schemas/report.schema.json): " +
        'unknown field "bogus" at rules[0] (allowed: id, severity, description, dialects, source, decision); ' +
        'rules[0].severity must be one of "error", "warning", "off", got "fatal"',
    );
  });

  it("every field missing at one place in one sentence; past five problems, a count of the others", async () => {
    const report = { name: "conformance report", schema: "report.schema.json" };
    const detail = await problemIn("other.json", { log: { entries: [] } }, report);
    expect(detail).to.match(
      /^not a conformance report \(schemas\/report\.schema\.json\): missing required fields "reportVersion", "tool", .*, "run" at \/; unknown field "log" at \/ \(allowed: \$schema, reportVersion, tool, /,
    );
    const many = await problemIn(
      "many.json",
      { reportVersion: "1", tool: 1, startedAt: 2, finishedAt: 3, durationMs: "4", complete: "no", run: [] },
      report,
    );
    expect(many.split("; ")).to.have.length(6);
    expect(many).to.match(/; and \d+ more$/);
  });
});
