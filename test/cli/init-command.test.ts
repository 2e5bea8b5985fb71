// conformance init: a configuration that the loader and its schema accept, a workflow that parses, and
// no file overwritten without --force.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { parse as parseYaml } from "yaml";
import { INITIAL_WORKFLOW, initialConfig } from "../../src/cli/init-templates.js";
import { listRules } from "../../src/cli/rules-command.js";
import { loadConfig } from "../../src/config/load-config.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import { projectRoot, runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance init", () => {
  const tempDir = useTempDir();

  it("writes a configuration that validates against schemas/config.schema.json and changes no default", async () => {
    const schema = JSON.parse(
      await readFile(path.join(projectRoot, "schemas", "config.schema.json"), "utf8"),
    );
    const validate = createAjv().compile(schema);
    const config = JSON.parse(initialConfig());
    expect(validate(config), JSON.stringify(validate.errors)).to.equal(true);
    const file = path.join(tempDir(), "conformance.config.json");
    await writeFile(file, initialConfig());
    const loaded = await loadConfig(file);
    const configured = listRules(loaded.rules, file);
    expect(configured.map((r) => r.severity)).to.deep.equal(listRules().map((r) => r.severity));
  });

  it("writes a workflow that parses: the SDK's tests through the proxy with the github reporter, run commented out", () => {
    const workflow = parseYaml(INITIAL_WORKFLOW);
    const steps: { run?: string; env?: Record<string, string> }[] = workflow.jobs.conformance.steps;
    const runs = steps.map((s) => s.run ?? "").join("\n");
    expect(runs).to.include(
      "npx conformance proxy --reporter json,junit,html,markdown,badge,github --max-warnings -1 -- go test ./...",
    );
    const proxyStep = steps.find((s) => s.run?.includes("conformance proxy"));
    expect(Object.keys(proxyStep?.env ?? {})).to.include("TENCENTCLOUD_SECRET_ID");
    expect(runs).to.not.include("conformance run");
    expect(INITIAL_WORKFLOW).to.match(/^ {6}# {3}run: npx conformance run --target /m);
  });

  it("runs from the build: writes both files, refuses to overwrite (exit 2, naming the file), --force overwrites", async () => {
    const dir = path.join(tempDir(), "project");
    const first = await runCli(["init", "--dir", dir]);
    expect(first.code, first.stderr).to.equal(0);
    const configFile = path.join(dir, "conformance.config.json");
    const workflowFile = path.join(dir, ".github", "workflows", "conformance.yml");
    expect(await readFile(configFile, "utf8")).to.equal(initialConfig());
    expect(await readFile(workflowFile, "utf8")).to.equal(INITIAL_WORKFLOW);
    await writeFile(workflowFile, "mine\n");
    await writeFile(configFile, "{}\n");
    const again = await runCli(["init", "--dir", dir]);
    expect(again.code).to.equal(2);
    expect(again.stderr).to.include(`${configFile} exists`);
    expect(await readFile(workflowFile, "utf8")).to.equal("mine\n");
    const forced = await runCli(["init", "--dir", dir, "--force", "--quiet"]);
    expect(forced.code, forced.stderr).to.equal(0);
    expect(forced.stdout).to.equal("");
    expect(await readFile(workflowFile, "utf8")).to.equal(INITIAL_WORKFLOW);
    const checked = await runCli(["rules", "--config", configFile]);
    expect(checked.code, checked.stderr).to.equal(0);
  });
});
