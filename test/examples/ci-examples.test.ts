import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { parse } from "yaml";
import { type CliResult, projectRoot, runCli } from "../support/run-cli.js";
import { useTempDir } from "../support/temp-dir.js";

const examples = path.join(projectRoot, "examples", "ci");

/** Every `npm run conformance -- COMMAND …` line of a CI file, with its flags. */
async function conformanceCommands(file: string): Promise<{ command: string; flags: string[] }[]> {
  const text = await readFile(path.join(examples, file), "utf8");
  parse(text); // must be valid YAML
  const commands = [];
  for (const match of text.replace(/\\\n\s*/g, " ").matchAll(/npm run conformance -- (\w+)([^\n|]*)/g)) {
    commands.push({
      command: match[1] as string,
      flags: [...(match[2] ?? "").matchAll(/(--[a-z-]+)/g)].map((m) => m[1] as string),
    });
  }
  return commands;
}

const helpTexts = new Map<string, Promise<CliResult>>();

/** `conformance COMMAND --help`, run once per command for the whole file. */
function helpOf(command: string): Promise<CliResult> {
  let help = helpTexts.get(command);
  if (!help) {
    help = runCli([command, "--help"]);
    helpTexts.set(command, help);
  }
  return help;
}

describe("examples/ci", () => {
  const tempDir = useTempDir();

  for (const file of ["github-actions.yml", "gitlab-ci.yml"]) {
    it(`${file} is valid YAML and uses only commands and flags the CLI has`, async () => {
      const commands = await conformanceCommands(file);
      expect(commands.map((c) => c.command)).to.include.members(["run", "merge", "gate"]);
      for (const { command, flags } of commands) {
        const help = await helpOf(command);
        expect(help.code, `${command} --help: ${help.stderr}`).to.equal(0);
        for (const flag of flags) expect(help.stdout, `${file}: ${command} ${flag}`).to.include(flag);
      }
    });
  }

  it("the flow they describe works: two shards, merge, gate with the example baseline", async () => {
    const dir = tempDir();
    const shard = async (index: number) => {
      const reportDir = path.join(dir, `shard-${index}`);
      const { code, stderr } = await runCli([
        "run",
        "--shard",
        `${index}/2`,
        "--run-id",
        "ci-1",
        "--report-dir",
        reportDir,
        "--reporter",
        "json",
        "--quiet",
      ]);
      expect(
        [0, 1],
        `run --shard ${index}/2 (exit 1, not conformant, is left to the gate): ${stderr}`,
      ).to.include(code);
      return path.join(reportDir, "conformance.json");
    };
    const shards = await Promise.all([shard(1), shard(2)]);
    const merged = path.join(dir, "merged");
    const merge = await runCli(["merge", ...shards, "--report-dir", merged, "--quiet"]);
    expect(merge.code, merge.stderr).to.equal(0);
    for (const name of ["conformance.json", "junit.xml", "index.html", "summary.md", "badge.json"]) {
      expect(await readFile(path.join(merged, name), "utf8"), name).to.have.length.greaterThan(0);
    }
    const gate = await runCli([
      "gate",
      path.join(merged, "conformance.json"),
      "--baseline",
      path.join(examples, "conformance-baseline.json"),
      "--fail-on",
      "error",
    ]);
    expect(gate.code, gate.stdout + gate.stderr).to.equal(0);
    expect(await readFile(path.join(merged, "summary.md"), "utf8")).to.include("**Gate: passed**");
  });
});
