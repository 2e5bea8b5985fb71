// The GitHub Actions workflows of examples/ci (go-sdk-through-proxy.yml, node-chai.yml) and the one
// `conformance init` writes are valid YAML, and every `conformance COMMAND …` they run is parsed with the
// option table that command itself parses with (node:util parseArgs, strict), so that a renamed or removed
// flag fails here, not in a user's CI. (github-actions.yml and gitlab-ci.yml are
// test/examples/ci-examples.test.ts's.)
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ParseArgsConfig } from "node:util";
import { expect } from "chai";
import { parse } from "yaml";
import { GATE_OPTIONS } from "../../src/cli/gate-options.js";
import { INITIAL_WORKFLOW } from "../../src/cli/init-templates.js";
import { LIVE_OPTIONS } from "../../src/cli/live-options.js";
import { parseCommandArgs } from "../../src/cli/parse-command-args.js";
import { PROXY_OPTIONS } from "../../src/cli/proxy-command.js";
import { parseReporterOption, REPORTING_OPTIONS } from "../../src/cli/report-options.js";
import { SELECTION_OPTIONS } from "../../src/cli/selection-options.js";
import { projectRoot } from "../support/run-cli.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const CI_DIR = path.join(projectRoot, "examples", "ci");
/** The workflows checked, by name, with their text. */
const WORKFLOW_TEXTS: Record<string, () => string> = {
  "go-sdk-through-proxy.yml": () => readFileSync(path.join(CI_DIR, "go-sdk-through-proxy.yml"), "utf8"),
  "node-chai.yml": () => readFileSync(path.join(CI_DIR, "node-chai.yml"), "utf8"),
  "conformance init's conformance.yml": () => INITIAL_WORKFLOW,
};
const WORKFLOWS = Object.keys(WORKFLOW_TEXTS);

/**
 * The option tables of the commands, as their src/cli/*-command.ts parse them. run, check and gate are
 * made of the exported tables they spread; the few options a command declares inline (record's --out,
 * gate's --update-baseline) are repeated here. proxy's table is its own export.
 */
const OPTION_TABLES: Record<string, () => Promise<Options>> = {
  run: async () => ({ ...LIVE_OPTIONS, ...GATE_OPTIONS }),
  check: async () => ({ ...REPORTING_OPTIONS, ...SELECTION_OPTIONS, ...GATE_OPTIONS }),
  record: async () => ({ ...LIVE_OPTIONS, ...GATE_OPTIONS, out: { type: "string" } }),
  gate: async () => ({
    ...GATE_OPTIONS,
    "update-baseline": { type: "boolean" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  }),
  proxy: async () => PROXY_OPTIONS,
};

interface Invocation {
  workflow: string;
  step: string;
  /** The arguments after `conformance`: the command and its own. */
  argv: string[];
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}

/**
 * Shell words of a `run:` script, as far as these workflows need: quotes, line continuations, `${{ … }}`
 * expressions (one opaque word), and `${VAR:+WORDS}` read as WORDS (what it is when VAR is set, so that
 * the options it adds are checked too). Operators (`&&`, `||`, `|`, `;`) and newlines end a command.
 */
function shellCommands(script: string): string[][] {
  const text = script
    .replace(/\\\n/g, " ")
    .replace(/\$\{\{[^}]*\}\}/g, "GITHUB_EXPRESSION")
    .replace(/\$\{\w+:\+([^}]*)\}/g, "$1");
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new Error(`unclosed ${c} in: ${script}`);
      word = (word ?? "") + text.slice(i + 1, close);
      i = close;
    } else if (c === "\n" || c === ";" || c === "|" || c === "&") {
      endCommand();
    } else if (c === "#" && word === undefined) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end - 1;
    } else if (/\s/.test(c)) endWord();
    else word = (word ?? "") + c;
  }
  endCommand();
  return commands;
}

/** The arguments after `conformance` in `npx [flags] conformance …`, `conformance …` or `npm run conformance -- …`. */
function conformanceArgv(words: string[]): string[] | undefined {
  if (words[0] === "conformance") return words.slice(1);
  if (words[0] === "npx") {
    const at = words.indexOf("conformance");
    return at > 0 && words.slice(1, at).every((w) => w.startsWith("-")) ? words.slice(at + 1) : undefined;
  }
  if (words[0] === "npm" && words[1] === "run" && words[2] === "conformance")
    return words[3] === "--" ? words.slice(4) : words.slice(3);
  return undefined;
}

function readWorkflow(file: string): { jobs: Record<string, { steps?: Step[] }> } {
  const text = WORKFLOW_TEXTS[file];
  if (!text) throw new Error(`no workflow named ${file}`);
  return parse(text());
}

function invocations(file: string): Invocation[] {
  const found: Invocation[] = [];
  for (const [job, { steps = [] }] of Object.entries(readWorkflow(file).jobs)) {
    for (const [index, step] of steps.entries()) {
      if (typeof step.run !== "string") continue;
      for (const words of shellCommands(step.run)) {
        const argv = conformanceArgv(words);
        if (argv) found.push({ workflow: file, step: step.name ?? `${job} step ${index + 1}`, argv });
      }
    }
  }
  return found;
}

/** Every step's `run:` script of a workflow, joined. */
function runScripts(file: string): string {
  return Object.values(readWorkflow(file).jobs)
    .flatMap(({ steps = [] }) => steps.map((step) => step.run ?? ""))
    .join("\n");
}

describe("workflows: examples/ci's go-sdk-through-proxy.yml and node-chai.yml, conformance init's", () => {
  for (const file of WORKFLOWS) {
    it(`${file} is YAML with jobs whose steps each run a script or use a versioned action`, () => {
      const workflow = readWorkflow(file);
      expect(Object.keys(workflow.jobs), file).to.not.be.empty;
      for (const [job, { steps }] of Object.entries(workflow.jobs)) {
        expect(steps, `${file}: ${job}`).to.be.an("array").that.is.not.empty;
        for (const step of steps ?? []) {
          if (step.uses !== undefined) expect(step.uses, `${file}: ${job}`).to.match(/^[\w-]+\/[\w-]+@v\d+$/);
          else expect(step.run, `${file}: ${job}: a step with neither uses nor run`).to.be.a("string");
        }
      }
    });
  }

  it("go-sdk-through-proxy.yml runs go test behind conformance proxy; node-chai.yml runs mocha", () => {
    const proxied = invocations("go-sdk-through-proxy.yml").filter((i) => i.argv[0] === "proxy");
    expect(proxied, "conformance proxy steps").to.have.length(1);
    const argv = proxied[0]?.argv ?? [];
    expect(argv.slice(argv.indexOf("--") + 1).join(" ")).to.match(/^go test\b.*\.\/\.\.\.$/);
    expect(runScripts("node-chai.yml")).to.match(/^npx mocha$/m);
  });

  // One test per invocation, found when this file loads, so that a skipped proxy line skips only itself.
  for (const file of WORKFLOWS) {
    for (const { workflow, step, argv } of invocations(file)) {
      const [command = "", ...args] = argv;
      it(`${workflow}, "${step}": conformance ${command} takes these options`, async () => {
        const table = OPTION_TABLES[command];
        if (!table) expect.fail(`${workflow}: conformance ${command}: no option table for this command here`);
        const dash = args.indexOf("--");
        const own = dash < 0 ? args : args.slice(0, dash);
        let parsed: ReturnType<typeof parseCommandArgs>;
        try {
          // The CLI's own parser: node:util parseArgs, strict, with its reading of negative numbers.
          parsed = parseCommandArgs(command, own, await table());
        } catch (error) {
          expect.fail(`${workflow}: conformance ${command} ${own.join(" ")}: ${(error as Error).message}`);
        }
        if (command === "proxy") expect(parsed.positionals, "proxy takes its command after --").to.be.empty;
        const reporter = parsed.values.reporter;
        if (typeof reporter === "string")
          expect(() => parseReporterOption(reporter), `${workflow}: --reporter ${reporter}`).to.not.throw();
      });
    }
  }
});
