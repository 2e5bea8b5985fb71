import { spawn } from "node:child_process";
import { cp, mkdir } from "node:fs/promises";
import path from "node:path";
import type { CodeBlock } from "./markdown-examples.js";

/** A kind of shell line the doc-examples test does not execute, with the reason. */
export interface Reason {
  pattern: RegExp;
  reason: string;
}

/**
 * Lines of a shell example that are not the suite's CLI and cannot run offline. Each must match one of
 * these (matched against the whole step, `a && b` being two steps); any other line fails the test, so that
 * a new example cannot escape it silently. Keep them narrow.
 */
export const NOT_RUNNABLE: readonly Reason[] = [
  { pattern: /^export [A-Z_]+=/, reason: "sets a real provider's credentials in the reader's shell" },
  { pattern: /^npm ci$/, reason: "installs the dependencies from the npm registry" },
  { pattern: /^npm test$/, reason: "runs the project's own tests, this one among them" },
  {
    pattern: /^npx --package @pact-foundation\/pact-cli pact-broker /,
    reason: "fetches the Pact CLI and talks to a Pact Broker (URL and token)",
  },
];

/**
 * CLI lines that are not executed (matched against the arguments after the command name, e.g.
 * `run --target https://…`). Their command and every flag they use must still be in the command's --help.
 */
export const NOT_EXECUTED: readonly Reason[] = [
  { pattern: /--target https:\/\//, reason: "calls a real provider over the network, with its credentials" },
  { pattern: /\[/, reason: "a synopsis with [optional] parts, not a command" },
  {
    pattern: /^proxy .*-- /,
    reason:
      "runs the reader's own test command through the proxy (test/surface/proxy-cli.test.ts and " +
      "test/surface/zenlayer-go-proxy.test.ts run official SDKs that way)",
  },
  {
    pattern: /^contracts generate(?!.*--out)/,
    reason:
      "rewrites the project's own contracts/ (test/contracts/generate.test.ts generates them into a " +
      "temporary folder and compares)",
  },
  {
    pattern: /^contracts verify(?!.*--target)/,
    reason:
      "runs Pact's verifier against the sandbox for about 10 s (test/contracts/provider.test.ts runs it)",
  },
];

/** Changes made to an executed line before it runs, each with its reason. */
export const ADAPTATIONS: readonly (Reason & { replacement: string })[] = [
  {
    pattern: /--port \d+/,
    replacement: "--port 0",
    reason: "a fixed port may be taken on the machine that runs the tests",
  },
];

/** What the working folder of a shell example must hold for a line that names it. */
export interface Fixture extends Reason {
  make(dir: string, context: FixtureContext): Promise<void>;
}

export interface FixtureContext {
  projectRoot: string;
  runCli(args: string[], cwd: string): Promise<StepResult>;
}

export const FIXTURES: readonly Fixture[] = [
  {
    pattern: /(^|\s)traffic\.har\b/,
    reason: "traffic.har, a recording of the reader's: here a shipped one",
    make: (dir, { projectRoot }) =>
      cp(path.join(projectRoot, "recordings", "tencent-cvm.har"), path.join(dir, "traffic.har")),
  },
  {
    pattern: /(^|\s)recorded\//,
    reason: "recorded/, a folder of recordings: here the shipped ones",
    make: (dir, { projectRoot }) =>
      cp(path.join(projectRoot, "recordings"), path.join(dir, "recorded"), { recursive: true }),
  },
  {
    pattern: /(^|\s)shard-\*\//,
    reason:
      "shard-*/conformance.json, the reports of a sharded run: two shards of a check of the shipped recordings",
    make: async (dir, { projectRoot, runCli }) => {
      for (const shard of [1, 2]) {
        const args = [
          "check",
          path.join(projectRoot, "recordings"),
          "--shard",
          `${shard}/2`,
          "--run-id",
          "docs",
        ];
        const result = await runCli(
          [...args, "--report-dir", `shard-${shard}`, "--reporter", "json", "--quiet"],
          dir,
        );
        if (result.code !== 0)
          throw new Error(`setting up shard-${shard}/: exit ${result.code}: ${result.stderr}`);
      }
    },
  },
];

/** The ways the docs write the suite's CLI, and the arguments they stand for. */
const CLI_FORMS: readonly { form: RegExp; prefix: string }[] = [
  { form: /^npm run conformance --(?=\s|$)/, prefix: "" },
  { form: /^conformance(?=\s|$)/, prefix: "" },
  { form: /^npx conformance(?=\s|$)/, prefix: "" },
  { form: /^node dist\/src\/cli\/bin\.js(?=\s|$)/, prefix: "" },
  { form: /^npm start(?: --)?(?=\s|$)/, prefix: "run" },
];

/** Commands that serve until Ctrl-C: started, stopped with SIGINT once they say they listen. */
const SERVERS = /^sandbox(?=\s|$)(?!.*(?:--help|-h\b))/;
const LISTENING = /listening on https?:\/\/127\.0\.0\.1:\d+/;

export type StepPlan =
  | {
      kind: "run";
      args: string;
      expectedExit: number;
      server: boolean;
      fixtures: Fixture[];
      adapted: string[];
    }
  | { kind: "help"; args: string; reason: string }
  | { kind: "skip"; reason: string }
  | { kind: "unknown" };

export interface ShellStep {
  /** "README.md:80". */
  where: string;
  /** The step as the docs write it (continuation lines joined, comment removed). */
  text: string;
  /** The comment at the end of its line, if any ("# exit 1", "# a HAR 1.2 file …"). */
  comment: string;
  plan: StepPlan;
}

/** Splits `text # comment` at the first `#` that starts a word (the docs quote no `#`). */
function splitComment(line: string): { text: string; comment: string } {
  const match = /(^|\s)#/.exec(line);
  if (!match) return { text: line.trim(), comment: "" };
  return { text: line.slice(0, match.index).trim(), comment: line.slice(match.index).trim() };
}

/** `--flag` words of a command line. */
export function flagsOf(args: string): string[] {
  return [...new Set([...args.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]))];
}

/** The command word of CLI arguments ("gate" of `gate REPORT --min-score 95`), if it is one. */
export function commandOf(args: string): string | undefined {
  return /^([a-z]+)(?=\s|$)/.exec(args)?.[1];
}

/** The CLI arguments a step or code span stands for, or undefined when it is not the suite's CLI. */
export function cliArguments(text: string): string | undefined {
  for (const { form, prefix } of CLI_FORMS) {
    const match = form.exec(text);
    if (match) return `${prefix} ${text.slice(match[0].length).trim()}`.trim();
  }
  return undefined;
}

function planStep(text: string, comment: string): StepPlan {
  const args = cliArguments(text);
  if (args === undefined) {
    const known = NOT_RUNNABLE.find((r) => r.pattern.test(text));
    return known ? { kind: "skip", reason: known.reason } : { kind: "unknown" };
  }
  const notExecuted = NOT_EXECUTED.find((r) => r.pattern.test(args));
  if (notExecuted) return { kind: "help", args, reason: notExecuted.reason };
  let adaptedArgs = args;
  const adapted: string[] = [];
  for (const adaptation of ADAPTATIONS) {
    if (!adaptation.pattern.test(adaptedArgs)) continue;
    adaptedArgs = adaptedArgs.replace(new RegExp(adaptation.pattern, "g"), adaptation.replacement);
    adapted.push(adaptation.reason);
  }
  const exit = /\bexit (\d+)\b/.exec(comment);
  return {
    kind: "run",
    args: adaptedArgs,
    expectedExit: exit ? Number(exit[1]) : 0,
    server: SERVERS.test(args),
    fixtures: FIXTURES.filter((f) => f.pattern.test(args)),
    adapted,
  };
}

/** The steps of a shell block: one per command line (`\` continuations joined), `a && b` as two. */
export function shellSteps(block: CodeBlock): ShellStep[] {
  const steps: ShellStep[] = [];
  for (let i = 0; i < block.lines.length; i++) {
    const first = i;
    let line = block.lines[i] as string;
    while (line.endsWith("\\") && i + 1 < block.lines.length)
      line = `${line.slice(0, -1)} ${block.lines[++i]}`;
    const { text, comment } = splitComment(line);
    if (text === "") continue;
    for (const part of text.split(/\s&&\s/)) {
      const step = part.trim().replace(/\s+/g, " ");
      steps.push({
        where: `${block.file}:${block.line + 1 + first}`,
        text: step,
        comment,
        plan: planStep(step, comment),
      });
    }
  }
  return steps;
}

export interface StepResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** The environment of the CLI runs: this process's, without what npm sets for its own scripts. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("npm_") || name === "INIT_CWD") delete env[name];
  return env;
}

/**
 * Runs `command args…` in `cwd` and resolves with how it ended. A server is sent SIGINT once it prints
 * that it listens; anything still running after `timeoutMs` is killed and marked timed out.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; server?: boolean },
): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let interrupted = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (options.server && !interrupted && LISTENING.test(stdout)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** The words the shell makes of `args` in `cwd` (quotes, variables, globs and comments as sh does them). */
export async function shellWords(args: string, cwd: string): Promise<string[]> {
  const result = await runProcess("/bin/sh", ["-c", 'eval "set -- $1"; printf "%s\\0" "$@"', "sh", args], {
    cwd,
    timeoutMs: 10_000,
  });
  if (result.code !== 0) throw new Error(`sh cannot read ${JSON.stringify(args)}: ${result.stderr}`);
  return result.stdout.split("\0").slice(0, -1);
}

/** Calls `run` on every item, at most `limit` at a time; the results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function makeFixtures(plan: StepPlan, dir: string, context: FixtureContext, made: Set<Fixture>) {
  if (plan.kind !== "run") return;
  await mkdir(dir, { recursive: true });
  for (const fixture of plan.fixtures) {
    if (made.has(fixture)) continue;
    made.add(fixture);
    await fixture.make(dir, context);
  }
}
