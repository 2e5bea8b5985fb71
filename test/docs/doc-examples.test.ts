// Runs the examples of README.md and docs/*.md, so that a wrong one fails CI:
// - shell blocks: every line that calls the suite's CLI runs from the build in a temporary folder holding
//   what it names (FIXTURES), and must exit as the docs say (0, or the `# exit 1` of its comment); lines
//   that need the network, credentials or a broker are matched against explicit reasons
//   (test/docs/shell-examples.ts), and their command and flags are checked against --help;
// - JSON blocks: each says what it is with a marker on the line before it, `<!-- example: schema
//   baseline.schema.json -->` (validated against schemas/…), `<!-- example: config -->` (the config
//   schema, and rule ids the engine has), `<!-- example: ndjson -->` (also checked with
//   `conformance check`, which must pass it), `<!-- example: json -->` (a whole JSON value without a schema
//   of its own) or `<!-- example: fragment -->` (members of a larger document);
// - ts/js blocks run with plain node from a temporary .mjs file in the project root (so that ./dist/…
//   imports resolve), unless marked `<!-- example: type-signature -->` or `<!-- not-run: REASON -->`;
// - YAML and XML blocks must parse; code spans that name a command must name flags its --help has.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidateFunction } from "ajv";
import { expect } from "chai";
import { XMLValidator } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import { createEngine } from "../../src/engine/engine.js";
import { createAjv } from "../../src/schemas/create-ajv.js";
import { schemaErrorMessages } from "../../src/schemas/schema-error-messages.js";
import type { ConformanceConfig } from "../../src/types/generated/config.js";
import { builtBin, projectRoot, staleBuildFiles } from "../support/run-cli.js";
import { type CodeBlock, projectDocs, readExamples, where } from "./markdown-examples.js";
import {
  ADAPTATIONS,
  cliArguments,
  commandOf,
  FIXTURES,
  type Fixture,
  flagsOf,
  makeFixtures,
  mapLimit,
  NOT_EXECUTED,
  NOT_RUNNABLE,
  runProcess,
  type ShellStep,
  type StepResult,
  shellSteps,
  shellWords,
} from "./shell-examples.js";

const SHELL_LANGS = new Set(["sh", "bash", "shell"]);
const SCRIPT_LANGS = new Set(["ts", "typescript", "js", "javascript", "mjs"]);
/** Languages whose blocks are not checked, and why. */
const UNCHECKED_LANGS: Record<string, string> = {
  "": "program output or a file layout",
  markdown: "text to paste into another document",
};
/** At most this many processes at a time (the test runs inside `npm test`). */
const CONCURRENCY = 2;
const PROCESS_TIMEOUT_MS = 45_000;

const docs = projectDocs(projectRoot);
const { blocks, spans } = readExamples(projectRoot, docs);
const shellBlocks = blocks.filter((b) => SHELL_LANGS.has(b.lang));
const scriptBlocks = blocks.filter((b) => SCRIPT_LANGS.has(b.lang));
const jsonBlocks = blocks.filter((b) => b.lang === "json");
const stepsOf = new Map(shellBlocks.map((b) => [b, shellSteps(b)]));
const commandSpans = spans.flatMap((span) => {
  const args = cliArguments(span.text);
  return args !== undefined && commandOf(args) ? [{ ...span, args }] : [];
});

/** A process slot: at most CONCURRENCY processes run at once, whatever runs them. */
const slots = (() => {
  let free = CONCURRENCY;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free--;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
})();

function cli(args: readonly string[], cwd: string, server = false): Promise<StepResult> {
  return slots(() =>
    runProcess(process.execPath, [builtBin, ...args], { cwd, timeoutMs: PROCESS_TIMEOUT_MS, server }),
  );
}

/**
 * The --help of every command the examples and code spans name, from one process of the build (each
 * command's `main([COMMAND, "--help"])` in turn) rather than one process each.
 */
let helps: Promise<Map<string, { code: number; text: string }>> | undefined;
const PRINT_HELPS = `
const { main } = await import(process.argv[1]);
const helps = {};
const write = process.stdout.write.bind(process.stdout);
for (const command of process.argv.slice(2)) {
  let text = "";
  process.stdout.write = (chunk) => ((text += chunk), true);
  const code = await main([command, "--help"]).finally(() => (process.stdout.write = write));
  helps[command] = { code, text };
}
write(JSON.stringify(helps));
`;

async function printHelps(commands: readonly string[]): Promise<Map<string, { code: number; text: string }>> {
  const main = pathToFileURL(path.join(path.dirname(builtBin), "main.js")).href;
  const args = ["--input-type=module", "-e", PRINT_HELPS, main, ...commands];
  const result = await slots(() =>
    runProcess(process.execPath, args, { cwd: projectRoot, timeoutMs: PROCESS_TIMEOUT_MS }),
  );
  if (result.code !== 0) throw new Error(`printing the commands' --help: ${describeResult(result)}`);
  return new Map(Object.entries(JSON.parse(result.stdout)));
}

/** The --help of the commands the docs name, all from one process; any other command from one of its own. */
async function helpOf(command: string): Promise<{ code: number; text: string }> {
  helps ??= printHelps([
    ...new Set(
      [...stepsOf.values()]
        .flat()
        .flatMap((s) => (s.plan.kind === "help" ? [commandOf(s.plan.args)] : []))
        .concat(commandSpans.map((s) => commandOf(s.args)))
        .filter((c): c is string => c !== undefined),
    ),
  ]);
  const help = (await helps).get(command) ?? (await printHelps([command])).get(command);
  if (!help) throw new Error(`no --help printed for ${command}`);
  return help;
}

/** What is wrong with a command line the docs show without running it: its command or a flag. */
async function helpProblems(args: string): Promise<string[]> {
  const command = commandOf(args);
  if (!command) return [`"${args}" names no command`];
  const help = await helpOf(command);
  if (help.code !== 0) return [`"conformance ${command} --help" exits ${help.code}`];
  return flagsOf(args)
    .filter((flag) => !new RegExp(`${flag}(?![a-z0-9-])`).test(help.text))
    .map((flag) => `"conformance ${command} --help" has no ${flag}`);
}

/** The start and the end of a long output. */
function excerpt(text: string, lines = 10): string {
  const all = text.trimEnd().split("\n");
  if (all.length <= 2 * lines) return all.join("\n");
  return [...all.slice(0, lines), `… (${all.length - 2 * lines} lines)`, ...all.slice(-lines)].join("\n");
}

function describeResult(result: StepResult): string {
  const ending = result.timedOut
    ? `timed out after ${PROCESS_TIMEOUT_MS} ms`
    : `exit ${result.code ?? `by ${result.signal}`}`;
  return `${ending}\n--- stdout\n${excerpt(result.stdout)}\n--- stderr\n${excerpt(result.stderr)}`;
}

/** One problem per line of a shell block that does not do what the docs say. */
async function runShellBlock(block: CodeBlock): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "doc-example-"));
  const made = new Set<Fixture>();
  const problems: string[] = [];
  try {
    for (const step of stepsOf.get(block) ?? shellSteps(block)) {
      const { plan } = step;
      if (plan.kind === "unknown") {
        problems.push(
          `${step.where}: "${step.text}" is neither the suite's CLI nor a known kind of line that cannot run ` +
            "offline: make it run, or add a narrow pattern with its reason to NOT_RUNNABLE (test/docs/shell-examples.ts)",
        );
      } else if (plan.kind === "help") {
        problems.push(...(await helpProblems(plan.args)).map((p) => `${step.where}: ${p}`));
      } else if (plan.kind === "run") {
        problems.push(...(await runStep(step, dir, made)));
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return problems;
}

async function runStep(step: ShellStep, dir: string, made: Set<Fixture>): Promise<string[]> {
  const { plan } = step;
  if (plan.kind !== "run") return [];
  if (plan.expectedExit !== 0 && plan.expectedExit !== 1)
    return [
      `${step.where}: "${step.text}" says exit ${plan.expectedExit}: a doc example is conformant or not (0 or 1)`,
    ];
  await makeFixtures(plan, dir, { projectRoot, runCli: (args, cwd) => cli(args, cwd) }, made);
  const result = await cli(await shellWords(plan.args, dir), dir, plan.server);
  if (!result.timedOut && result.code === plan.expectedExit) return [];
  return [
    `${step.where}: "${step.text}" (run as conformance ${plan.args}): expected exit ${plan.expectedExit}, got ${describeResult(result)}`,
  ];
}

/** A ts/js block, run with plain node from a .mjs file in the project root. */
async function runScriptBlock(block: CodeBlock): Promise<string[]> {
  const file = path.join(projectRoot, `.doc-example-${process.pid}-${block.line}.mjs`);
  await writeFile(file, `${block.lines.join("\n")}\n`);
  try {
    const result = await slots(() =>
      runProcess(process.execPath, [file], { cwd: projectRoot, timeoutMs: PROCESS_TIMEOUT_MS }),
    );
    return !result.timedOut && result.code === 0 ? [] : [`${where(block)}: ${describeResult(result)}`];
  } finally {
    await rm(file, { force: true });
  }
}

const validators = new Map<string, ValidateFunction>();
async function validatorOf(schema: string): Promise<ValidateFunction> {
  let validate = validators.get(schema);
  if (!validate) {
    validate = createAjv().compile(
      JSON.parse(await readFile(path.join(projectRoot, "schemas", schema), "utf8")),
    );
    validators.set(schema, validate);
  }
  return validate;
}

async function schemaProblems(block: CodeBlock, value: unknown, schema: string): Promise<string[]> {
  const validate = await validatorOf(schema);
  if (validate(value)) return [];
  const messages = schemaErrorMessages(validate.errors ?? [], validate.schema, value, "the example");
  return messages.map((m) => `${where(block)}: not valid against schemas/${schema}: ${m}`);
}

function parseJson(block: CodeBlock, text: string): { value?: unknown; problem?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `${where(block)}: not JSON: ${(error as Error).message}` };
  }
}

/** An NDJSON example, as one line of a file, through `conformance check`: it must pass every rule. */
async function checkNdjson(block: CodeBlock, value: unknown): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "doc-example-"));
  try {
    await writeFile(path.join(dir, "example.ndjson"), `${JSON.stringify(value)}\n`);
    const result = await cli(["check", "example.ndjson", "--report-dir", "out", "--reporter", "json"], dir);
    if (result.code !== 0) return [`${where(block)}: conformance check: ${describeResult(result)}`];
    const report = JSON.parse(await readFile(path.join(dir, "out", "conformance.json"), "utf8"));
    const problems: string[] = [];
    if (report.summary.checked !== 1)
      problems.push(`${where(block)}: ${report.summary.checked} exchanges checked, not 1`);
    for (const result of report.results)
      for (const finding of result.findings)
        problems.push(`${where(block)}: ${finding.severity} ${finding.rule}: ${finding.message}`);
    return problems;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function checkJsonBlock(block: CodeBlock): Promise<string[]> {
  const text = block.lines.join("\n");
  const marker = block.marker?.name === "example" ? block.marker.value : undefined;
  const [kind, schema] = (marker ?? "").split(/\s+/);
  if (kind === "fragment") {
    const parsed = parseJson(block, text.trimStart().startsWith('"') ? `{${text}}` : text);
    return parsed.problem ? [parsed.problem] : [];
  }
  const parsed = parseJson(block, text);
  if (parsed.problem) return [parsed.problem];
  if (kind === "json") return [];
  if (kind === "config") {
    const problems = await schemaProblems(block, parsed.value, "config.schema.json");
    if (problems.length > 0) return problems;
    // The rule ids too, as a command would read them.
    const { rules = {}, hosts = [], maxDepth = 256 } = parsed.value as ConformanceConfig;
    return createEngine({ rules, hosts, maxDepth }).then(
      () => [],
      (error: Error) => [`${where(block)}: ${error.message}`],
    );
  }
  if (kind === "schema" && schema) return schemaProblems(block, parsed.value, schema);
  if (kind === "ndjson") {
    const problems = await schemaProblems(block, parsed.value, "ndjson-exchange.schema.json");
    return problems.length > 0 ? problems : checkNdjson(block, parsed.value);
  }
  return [
    `${where(block)}: a JSON block must say what it is on the line before it: <!-- example: config -->, ` +
      "<!-- example: schema baseline.schema.json --> (any file of schemas/), <!-- example: ndjson -->, " +
      "<!-- example: json --> (no schema of its own) or <!-- example: fragment -->",
  ];
}

function dedent(lines: readonly string[]): string {
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(indent)).join("\n");
}

function isNotRun(block: CodeBlock): boolean {
  return (
    block.marker?.name === "not-run" ||
    (block.marker?.name === "example" && block.marker.value === "type-signature")
  );
}

function summary(steps: readonly ShellStep[]): string {
  const count = (kind: string) => steps.filter((s) => s.plan.kind === kind).length;
  return `runs ${count("run")}, checks ${count("help")} against --help, skips ${count("skip")}`;
}

describe("doc examples (README.md, docs/*.md)", function () {
  this.timeout(180_000);
  const outcomes = new Map<CodeBlock, Promise<string[]>>();

  before(async () => {
    const stale = await staleBuildFiles();
    if (stale.length > 0)
      throw new Error(
        `dist/ is older than src/ (${stale.slice(0, 5).join(", ")}): run \`npm run build\` first`,
      );
    // Every example starts now; processes take turns (CONCURRENCY), each test below awaits its own.
    for (const block of shellBlocks) outcomes.set(block, runShellBlock(block));
    for (const block of scriptBlocks) if (!isNotRun(block)) outcomes.set(block, runScriptBlock(block));
    for (const block of jsonBlocks) outcomes.set(block, checkJsonBlock(block));
    // A failure is reported by its own test, not here.
    for (const outcome of outcomes.values()) outcome.catch(() => {});
  });

  after(async () => {
    await Promise.allSettled(outcomes.values());
  });

  it("finds the examples: every fenced block is in a language this test checks or knows it cannot", () => {
    expect(shellBlocks.length).to.be.greaterThan(5);
    expect(jsonBlocks.length).to.be.greaterThan(3);
    const known = (lang: string) =>
      SHELL_LANGS.has(lang) ||
      SCRIPT_LANGS.has(lang) ||
      ["json", "yaml", "xml"].includes(lang) ||
      lang in UNCHECKED_LANGS;
    expect(blocks.filter((b) => !known(b.lang)).map((b) => `${where(b)}: \`\`\`${b.lang}`)).to.deep.equal([]);
  });

  it("keeps its lists narrow: every reason to skip, adapt or set up is used by an example", () => {
    const steps = [...stepsOf.values()].flat();
    const used = (pattern: RegExp, texts: string[]) => texts.some((t) => pattern.test(t));
    const texts = steps.map((s) => s.text);
    const args = steps.flatMap((s) =>
      s.plan.kind === "run" || s.plan.kind === "help" ? [cliArguments(s.text) ?? ""] : [],
    );
    const unused = [
      ...NOT_RUNNABLE.filter((r) => !used(r.pattern, texts)),
      ...[...NOT_EXECUTED, ...ADAPTATIONS, ...FIXTURES].filter((r) => !used(r.pattern, args)),
    ].map((r) => r.reason);
    expect(unused).to.deep.equal([]);
  });

  for (const block of shellBlocks) {
    const steps = stepsOf.get(block) ?? [];
    it(`${where(block)} (${block.lang}): ${summary(steps)}`, async () => {
      expect(await outcomes.get(block)).to.deep.equal([]);
    });
  }

  for (const block of scriptBlocks) {
    const title = isNotRun(block)
      ? `${where(block)} (${block.lang}): not run (${block.marker?.value})`
      : `${where(block)} (${block.lang}): runs with node and exits 0`;
    it(title, async () => {
      if (block.marker?.name === "not-run")
        expect(block.marker.value, "a not-run marker needs a reason").to.not.equal("");
      expect((await outcomes.get(block)) ?? []).to.deep.equal([]);
    });
  }

  for (const block of jsonBlocks) {
    it(`${where(block)} (json): ${block.marker ? block.marker.value : "unmarked"}`, async () => {
      expect(await outcomes.get(block)).to.deep.equal([]);
    });
  }

  it("can fail: a line that exits otherwise than the docs say, a flag --help does not list", async () => {
    const block: CodeBlock = {
      file: "self-check.md",
      line: 1,
      lang: "sh",
      lines: ["conformance check no-such.har   # exit 1", "make docs"],
      marker: undefined,
    };
    const problems = await runShellBlock(block);
    expect(problems).to.have.length(2);
    expect(problems[0]).to.match(/^self-check\.md:2: .* expected exit 1, got exit 2\n/);
    expect(problems[0]).to.include("no such file or folder");
    expect(problems[1]).to.match(/^self-check\.md:3: "make docs" is neither the suite's CLI nor/);
    expect(await helpProblems("gate report.json --fail-on error --no-such-flag")).to.deep.equal([
      '"conformance gate --help" has no --no-such-flag',
    ]);
    expect(await helpProblems("frobnicate --x")).to.deep.equal(['"conformance frobnicate --help" exits 2']);
  });

  it("YAML blocks parse, XML blocks are well-formed", () => {
    const problems: string[] = [];
    for (const block of blocks.filter((b) => b.lang === "yaml")) {
      try {
        parseYaml(dedent(block.lines));
      } catch (error) {
        problems.push(`${where(block)}: ${(error as Error).message}`);
      }
    }
    for (const block of blocks.filter((b) => b.lang === "xml")) {
      const valid = XMLValidator.validate(dedent(block.lines));
      if (valid !== true) problems.push(`${where(block)}: ${valid.err.msg} (line ${valid.err.line})`);
    }
    expect(problems).to.deep.equal([]);
  });

  it("code spans that show a command name one the CLI has, with flags its --help lists", async () => {
    const problems = await mapLimit(commandSpans, CONCURRENCY, async (span) =>
      (await helpProblems(span.args)).map((p) => `${where(span)}: \`${span.text}\`: ${p}`),
    );
    expect(problems.flat()).to.deep.equal([]);
  });
});
