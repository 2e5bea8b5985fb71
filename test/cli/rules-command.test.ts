// conformance rules [--json] [--config FILE]: every rule of the engine, with the configuration applied.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { allRuleMetas, listRules, renderRulesTable } from "../../src/cli/rules-command.js";
import { createEngine } from "../../src/engine/engine.js";
import { runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

describe("conformance rules", () => {
  const tempDir = useTempDir();

  it("lists the engine's rules, once each, in the engine's order", async () => {
    const engine = await createEngine({ rules: {}, hosts: [], maxDepth: 256 });
    expect(allRuleMetas().map((m) => m.id)).to.deep.equal(engine.rules.map((r) => r.meta.id));
    for (const rule of listRules()) {
      expect(rule.severity).to.equal(engine.severityOf(rule.id));
      expect(rule.source.document).to.be.a("string").and.not.equal("");
    }
  });

  it("applies the configuration's severities, and refuses an unknown rule id", () => {
    const rules = listRules({ "request-id-format": "off", "error-code-known": "error" });
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get("request-id-format")).to.include({
      severity: "off",
      configured: true,
      onByDefault: true,
    });
    expect(byId.get("error-code-known")).to.include({ severity: "error", defaultSeverity: "warning" });
    expect(() => listRules({ "no-such-rule": "off" }, "c.json")).to.throw(
      /unknown rule id\(s\) in "rules": no-such-rule/,
    );
    const table = renderRulesTable(rules).split("\n");
    expect(table[0]).to.match(/^RULE +SEVERITY +DEFAULT +DIALECTS +SOURCE$/);
    expect(table.find((l) => l.startsWith("request-id-format "))).to.match(/ off \(config\) +warning /);
  });

  it("runs from the build: the table, --json, --config", async () => {
    const table = await runCli(["rules"]);
    expect(table.code, table.stderr).to.equal(0);
    expect(table.stdout).to.match(/^RULE /);
    const json = await runCli(["rules", "--json"]);
    expect(json.code, json.stderr).to.equal(0);
    expect(JSON.parse(json.stdout).map((r: { id: string }) => r.id)).to.deep.equal(
      allRuleMetas().map((m) => m.id),
    );
    const config = path.join(tempDir(), "c.json");
    await writeFile(config, JSON.stringify({ rules: { "request-id-format": "off" } }));
    const configured = await runCli(["rules", "--json", "--config", config]);
    const listed = JSON.parse(configured.stdout).find((r: { id: string }) => r.id === "request-id-format");
    expect(listed.severity).to.equal("off");
    const wrong = await runCli(["rules", "--jsn"]);
    expect(wrong.code).to.equal(2);
    expect(wrong.stderr).to.include("did you mean --json?");
  });
});
